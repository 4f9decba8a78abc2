package vn.city.task.followup;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.city.task.support.Fixtures;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** By default an off-track signal is recorded and opens no task. */
@QuarkusTest
class OffTrackDisabledTest {

    @Inject
    AgroalDataSource db;

    @Test
    void noFollowUpUnlessEnabled() {
        String owner = Fixtures.randomUnit();
        Fixtures.units(db, owner);
        String indicator = "RETAIL-" + Fixtures.randomUnit();
        String id = OffTrack.publish(indicator, owner, owner, "2022-06");
        await().atMost(Duration.ofSeconds(60)).until(() -> Fixtures.count(db,
                "select count(*) from inbox_event where event_id = ?", id) == 1);
        assertThat(Fixtures.count(db, "select count(*) from task where ? = any (indicator_codes)", indicator)).isZero();
    }
}
