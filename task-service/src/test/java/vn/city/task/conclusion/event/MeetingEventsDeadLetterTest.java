package vn.city.task.conclusion.event;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import vn.city.common.testing.TopicReader;
import vn.city.common.testing.TopicWriter;
import vn.city.task.support.Fixtures;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Poison messages go to the dead-letter topic with the reason; consumption goes on; redelivery is harmless. */
@QuarkusTest
class MeetingEventsDeadLetterTest {

    private static final String TOPIC = "test.meeting-events";
    private static final String DLQ = "test.task-service.dlq";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void poisonMessageIsDeadLetteredAndTheNextOnesAreAppliedOnce() throws Exception {
        String key = "meeting-" + UUID.randomUUID();
        String poison = "{not json " + UUID.randomUUID();
        String first = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        try (TopicReader deadLetters = new TopicReader(DLQ); TopicWriter writer = new TopicWriter()) {
            writer.send(TOPIC, key, poison);
            writer.send(TOPIC, key, envelope(first));
            writer.send(TOPIC, key, envelope(first));
            writer.send(TOPIC, key, envelope(marker));

            ConsumerRecord<String, String> dead = deadLetters.awaitRecord(r -> poison.equals(r.value()),
                    Duration.ofSeconds(60));
            Header reason = dead.headers().lastHeader("dead-letter-reason");
            assertThat(reason).isNotNull();
            assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("not JSON");

            await().atMost(Duration.ofSeconds(60)).until(() -> applied(marker) == 1);
            assertThat(applied(first)).as("delivered twice, applied once").isEqualTo(1);
        }
    }

    /** A meeting's conclusion with one directive: a type task-service applies (and records in its inbox). */
    private static String envelope(String id) {
        String meetingId = UUID.randomUUID().toString();
        return Fixtures.envelope(id, "/city/meeting-service", MeetingEventsConsumer.MEETING_CONCLUDED, meetingId,
                Fixtures.concluded(meetingId, 1, List.of(Fixtures.directive(UUID.randomUUID().toString(),
                        "Họp giao ban tháng 7/2022: rà soát tiến độ", "ENV", List.of(), null, true, "NORMAL", List.of()))));
    }

    private int applied(String eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement(
                     "select count(*) from inbox_event where consumer = 'task-service' and event_id = ?")) {
            st.setString(1, eventId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
