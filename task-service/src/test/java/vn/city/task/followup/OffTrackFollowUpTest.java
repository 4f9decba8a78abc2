package vn.city.task.followup;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.city.common.testing.TopicReader;
import vn.city.common.testing.AsyncApiContract;
import vn.city.task.support.Fixtures;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static vn.city.common.testing.Api.as;

/** With follow-ups enabled, an off-track indicator opens one task for its owner unit. */
@QuarkusTest
@TestProfile(OffTrackFollowUpTest.Enabled.class)
class OffTrackFollowUpTest {

    public static class Enabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("city.task.follow-up-off-track.enabled", "true");
        }
    }

    @Inject
    AgroalDataSource db;

    @Test
    void oneFollowUpTaskPerIndicatorUnitAndPeriod() {
        String owner = Fixtures.randomUnit();
        String ward = Fixtures.randomUnit();
        Fixtures.units(db, owner, ward);
        String indicator = "RETAIL-" + Fixtures.randomUnit();
        try (TopicReader events = new TopicReader(Fixtures.TASK_TOPIC)) {
            OffTrack.publish(indicator, ward, owner, "2022-06");
            String again = OffTrack.publish(indicator, ward, owner, "2022-06");
            await().atMost(Duration.ofSeconds(60)).until(() -> Fixtures.count(db,
                    "select count(*) from inbox_event where event_id = ?", again) == 1);
            assertThat(Fixtures.count(db, "select count(*) from task where ? = any (indicator_codes)", indicator))
                    .isEqualTo(1);
            as("leader").get("/api/tasks?indicator=" + indicator).then().statusCode(200)
                    .body("size()", equalTo(1))
                    .body("[0].leadUnit", equalTo(owner))
                    .body("[0].coordinatingUnits[0]", equalTo(ward))
                    .body("[0].source.kind", equalTo("INDICATOR"))
                    .body("[0].priority", equalTo("HIGH"))
                    .body("[0].period", equalTo("2022-06"));
            JsonNode assigned = events.await(n -> TopicReader.type("city.task.task-assigned.v1").test(n)
                    && n.path("data").path("task").path("indicatorCodes").toString().contains(indicator),
                    Duration.ofSeconds(30));
            assertThat(AsyncApiContract.of("task-service").violations(assigned)).isEmpty();
        }
    }
}
