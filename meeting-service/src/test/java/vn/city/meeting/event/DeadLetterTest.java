package vn.city.meeting.event;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import vn.city.common.testing.TopicReader;
import vn.city.common.testing.TopicWriter;
import vn.city.meeting.support.Events;
import vn.city.meeting.support.Events.Indicator;
import vn.city.meeting.support.ReadModel;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A message the consumer cannot understand goes to the dead-letter topic with the reason; consumption goes on. */
@QuarkusTest
class DeadLetterTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheNextEventsAreApplied() {
        String poison = "{not json " + UUID.randomUUID();
        String snapshotless = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/city/task-service\","
                + "\"type\":\"city.task.task-assigned.v1\",\"time\":\"2022-06-30T14:00:00Z\",\"subject\":\"x\",\"data\":{\"note\":\"không có task\"}}";
        String unit = Events.random("D-AFTER");
        try (TopicReader deadLetters = new TopicReader(Events.DEAD_LETTER_TOPIC); Events events = new Events()) {
            events.raw(Events.INDICATOR_TOPIC, "poison", poison);
            events.raw(Events.TASK_TOPIC, "x", snapshotless);
            events.unit(unit, "Đơn vị sau thông điệp hỏng", "DEPARTMENT");

            ConsumerRecord<String, String> dead = deadLetters.awaitRecord(r -> poison.equals(r.value()), Duration.ofSeconds(120));
            Header reason = dead.headers().lastHeader("dead-letter-reason");
            assertThat(reason).isNotNull();
            assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("not JSON");
            ConsumerRecord<String, String> noTask = deadLetters.awaitRecord(r -> snapshotless.equals(r.value()), Duration.ofSeconds(120));
            assertThat(new String(noTask.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                    .contains("task");
            ReadModel.awaitUnits(dataSource, List.of(unit));
        }
    }

    /**
     * Figures come in batches (one transaction per poll): one the database refuses for its data (a NUL in a text)
     * fails that transaction; the figures around it are stored one by one and it alone goes to the dead-letter topic,
     * at once (a refusal for the data is not retried). The unit after them in the same poll is applied by a plain
     * (Hibernate Reactive) handler, on the context the batch was delivered on.
     */
    @Test
    void aFigureTheDatabaseRefusesIsDeadLetteredAloneAndTheFiguresAroundItAreKept() throws Exception {
        Indicator good = new Indicator(Events.random("DLQ"), "Số hộ được công nhận gia đình văn hóa", "hộ", "FLOW",
                "HIGHER_IS_BETTER", "Văn hóa – xã hội", "CUL", "SUM_OF_UNITS", "PERCENT", 0);
        Indicator refused = new Indicator(good.code(), "Chỉ tiêu\0hỏng", "hộ", "FLOW", "HIGHER_IS_BETTER",
                "Văn hóa – xã hội", "CUL", "SUM_OF_UNITS", "PERCENT", 0);
        String before = UUID.randomUUID().toString();
        String poison = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        String key = good.code() + "/batch";
        String unit = Events.random("W-LO");
        try (TopicReader deadLetters = new TopicReader(Events.DEAD_LETTER_TOPIC); Events events = new Events()) {
            String poisonEnvelope = events.submittedEnvelope(poison, refused, "W-B", "2031-02", "OFFICIAL",
                    new BigDecimal("12"), Map.of("status", "ON_TRACK"), null);
            try (TopicWriter writer = new TopicWriter()) {
                writer.sendTogether(Events.INDICATOR_TOPIC, key, List.of(
                        events.submittedEnvelope(before, good, "W-A", "2031-02", "OFFICIAL", new BigDecimal("10"),
                                Map.of("status", "ON_TRACK"), null),
                        poisonEnvelope,
                        events.submittedEnvelope(after, good, "W-C", "2031-02", "OFFICIAL", new BigDecimal("14"),
                                Map.of("status", "ON_TRACK"), null),
                        events.unitEnvelope(unit, "Phường nhận sau lô số liệu", "WARD")));
            }

            ConsumerRecord<String, String> dead = deadLetters.awaitRecord(r -> poisonEnvelope.equals(r.value()),
                    Duration.ofSeconds(60));
            assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                    .contains("22021");
            await().atMost(Duration.ofSeconds(60)).until(() -> ReadModel.count(dataSource,
                    "select count(*) from figure_submission_view where submission_id = any(?)", List.of(before, after)) == 2);
            assertThat(ReadModel.count(dataSource,
                    "select count(*) from figure_submission_view where submission_id = any(?)", List.of(poison))).isZero();
            ReadModel.awaitUnits(dataSource, List.of(unit));
        }
    }
}
