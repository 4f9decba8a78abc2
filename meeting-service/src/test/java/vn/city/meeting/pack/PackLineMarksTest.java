package vn.city.meeting.pack;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.city.common.period.Period;
import vn.city.meeting.pack.repository.PackLines;
import vn.city.meeting.support.Events;
import vn.city.meeting.support.ReadModel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build thread takes no mark while it builds a period's lines: it reads the marks with their row versions and
 * clears afterwards only those that no event changed meanwhile and none is writing. The build thread and the sweep are
 * stopped here, so that the only builder is the test.
 */
@QuarkusTest
@TestProfile(PackLineMarksTest.BuilderStopped.class)
class PackLineMarksTest {

    public static class BuilderStopped implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("city.pack.pending-interval", "0s", "city.pack.sweep-interval", "0s");
        }
    }

    private static final String MARK_AGAIN =
            "update pack_line_pending set marked_at = now() where period = ? and indicator_code = ?";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PackLines lines;

    @Test
    void theBuilderClearsOnlyTheMarksNoEventChangedOrIsWritingWhileItBuilt() throws Throwable {
        Period period = Period.parse(ThreadLocalRandom.current().nextInt(2100, 2999) + "-05");
        String unchanged = Events.random("M-BUILT");
        String markedAgain = Events.random("M-AGAIN");
        String beingMarked = Events.random("M-NOW");
        List<String> all = List.of(unchanged, markedAgain, beingMarked);
        try (Connection c = dataSource.getConnection(); PreparedStatement mark = c.prepareStatement(
                "insert into pack_line_pending (period, indicator_code, marked_at) values (?, ?, now())")) {
            for (String code : all) {
                mark.setString(1, period.toString());
                mark.setString(2, code);
                mark.executeUpdate();
            }
        }
        List<String> read = VertxContextSupport.subscribeAndAwait(
                () -> Panache.withSession(() -> lines.readMarks(period)));
        assertThat(read).hasSize(3);

        try (Connection again = dataSource.getConnection(); Connection writing = dataSource.getConnection()) {
            markAgain(again, period, markedAgain);
            // an event's transaction marking a line right now, committed only after the builder cleared
            writing.setAutoCommit(false);
            markAgain(writing, period, beingMarked);
            int cleared = VertxContextSupport.subscribeAndAwait(
                    () -> Panache.withTransaction(() -> lines.clearBuilt(period, read)));
            writing.commit();
            assertThat(cleared).isEqualTo(1);
        }
        assertThat(ReadModel.count(dataSource, "select count(*) from pack_line_pending where period = '" + period
                + "' and indicator_code = any (?)", all)).isEqualTo(2);
        assertThat(ReadModel.count(dataSource, "select count(*) from pack_line_pending where indicator_code = ?",
                unchanged)).isZero();
    }

    private static void markAgain(Connection c, Period period, String code) throws Exception {
        try (PreparedStatement u = c.prepareStatement(MARK_AGAIN)) {
            u.setString(1, period.toString());
            u.setString(2, code);
            assertThat(u.executeUpdate()).isEqualTo(1);
        }
    }
}
