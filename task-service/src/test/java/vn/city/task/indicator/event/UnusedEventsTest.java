package vn.city.task.indicator.event;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.city.common.event.CloudEvent;
import vn.city.common.testing.TopicReader;
import vn.city.common.testing.TopicWriter;
import vn.city.task.support.Fixtures;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The events task-service does not use (figures, results: most of indicator-events) are acknowledged by their
 * {@code ce_type} header without being read; an event without the header is read as before, and the events it uses
 * are applied in order with them.
 */
@QuarkusTest
class UnusedEventsTest {

    private static final String DLQ = "test.task-service.dlq";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aTypeWithoutHandlerIsSkippedUnreadAndTheRestIsApplied() throws Exception {
        String unit = Fixtures.randomUnit();
        String unreadable = "{not json, but typed as a figure " + UUID.randomUUID();
        String untyped = "{not json, untyped " + UUID.randomUUID();
        try (TopicReader deadLetters = new TopicReader(DLQ); TopicWriter writer = new TopicWriter()) {
            writer.send(Fixtures.INDICATOR_TOPIC, unit, unreadable,
                    Map.of(CloudEvent.TYPE_HEADER, "city.indicator.figure-submitted.v1"));
            writer.send(Fixtures.INDICATOR_TOPIC, unit, untyped);
            writer.send(Fixtures.INDICATOR_TOPIC, unit, Fixtures.unitChanged(unit, true),
                    Map.of(CloudEvent.TYPE_HEADER, IndicatorEventsConsumer.UNIT_CHANGED));

            ConsumerRecord<String, String> dead = deadLetters.awaitRecord(r -> untyped.equals(r.value()),
                    Duration.ofSeconds(60));
            assertThat(dead.key()).isEqualTo(unit);
            await().atMost(Duration.ofSeconds(60)).until(() -> units(unit) == 1);
            assertThat(deadLetters.records()).as("the figure was acknowledged without being read")
                    .noneMatch(r -> unreadable.equals(r.value()));
        }
    }

    private long units(String code) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("select count(*) from org_unit where active and code = ?")) {
            st.setString(1, code);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
