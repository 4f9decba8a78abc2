package vn.city.meeting.event;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import vn.city.common.testing.TopicReader;
import vn.city.meeting.support.Events;
import vn.city.meeting.support.ReadModel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

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
}
