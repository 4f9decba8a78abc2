package vn.city.systemtest;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import vn.city.systemtest.ServiceProcesses.Service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator's dead-letter replay ({@code deploy/ops/replay-dead-letters.sh}) takes a good event that a consumer
 * dead-lettered (as an earlier, since fixed, version of it did) back to its topic, where both consumers apply it;
 * a record that is still malformed is skipped and reported; running the command again replays nothing, and even an
 * event sent twice (a run interrupted before it recorded its progress) is applied once.
 */
class DeadLetterReplayIT {

    @Test
    void aDeadLetteredEventIsReplayedToAppliedOnceAndTheRunIsReported() throws Exception {
        ServiceProcesses.get();
        String unit = "ST-DLQ-" + Steps.suffix();
        String eventId = UUID.randomUUID().toString();
        String dlq = Service.MEETING.dlq();
        String origin = Service.INDICATOR.stTopic();
        String group = dlq + ".replay-" + unit;
        Instant t0 = Instant.now();
        positionAtEnd(group, dlq); // the operator's replay group has handled everything before this test

        String event = "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"source\":\"/city/indicator-service\","
                + "\"type\":\"city.indicator.unit-changed.v1\",\"time\":\"" + Instant.now() + "\",\"subject\":\"" + unit
                + "\",\"datacontenttype\":\"application/json\",\"data\":{\"code\":\"" + unit + "\",\"name\":\"Phường thử "
                + "phát lại\",\"kind\":\"WARD\",\"parentCode\":\"CITY\",\"active\":true}}";
        try (KafkaProducer<String, String> producer = producer()) {
            // as the connector dead-letters: original key and value, the origin and the reason in headers
            producer.send(deadLetter(dlq, unit, event, origin, "MalformedEventException: unit-changed: field 'kind'"
                    + " is not one of the known kinds (consumer before the fix)")).get(30, TimeUnit.SECONDS);
            producer.send(deadLetter(dlq, unit, "{{{ still not JSON " + unit, origin,
                    "MalformedEventException: not JSON")).get(30, TimeUnit.SECONDS);
        }
        assertThat(Db.count(Service.MEETING, "select count(*) from inbox_event where event_id = ?", eventId)).isZero();

        List<String> args = List.of("--dlq", dlq, "--bootstrap", StackConfig.KAFKA, "--group", group);
        OpsCommand.Outcome first = OpsCommand.run("DeadLetterReplay", args, 120);
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("REPLAYED").contains("id=" + eventId).contains("-> " + origin)
                .contains("SKIPPED").contains("examined=2 replayed=1 skipped=1 left=0");

        await("both consumers applied the replayed event").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> Db.count(Service.MEETING, "select count(*) from inbox_event where event_id = ?", eventId) == 1
                        && Db.count(Service.TASK, "select count(*) from inbox_event where event_id = ?", eventId) == 1);
        assertThat(Db.count(Service.MEETING, "select count(*) from unit_view where code = ?", unit)).isEqualTo(1);

        OpsCommand.Outcome second = OpsCommand.run("DeadLetterReplay", args, 120);
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("examined=0 replayed=0 skipped=0 left=0");

        // a run that re-sent but never recorded its progress (another group = no memory): sent again, applied once
        List<String> forgetful = List.of("--dlq", dlq, "--bootstrap", StackConfig.KAFKA, "--group", group + "-again",
                "--event-id", eventId);
        positionAtEnd(group + "-again", dlq, t0);
        OpsCommand.Outcome again = OpsCommand.run("DeadLetterReplay", forgetful, 120);
        assertThat(again.output()).contains("replayed=1");
        Kafka.awaitCaughtUp(Duration.ofSeconds(60), Service.MEETING, Service.TASK);
        long meetingApplied = Db.count(Service.MEETING, "select count(*) from inbox_event where event_id = ?", eventId);
        long taskApplied = Db.count(Service.TASK, "select count(*) from inbox_event where event_id = ?", eventId);
        long rows = Db.count(Service.MEETING, "select count(*) from unit_view where code = ?", unit);
        assertThat(meetingApplied).isEqualTo(1);
        assertThat(taskApplied).isEqualTo(1);
        assertThat(rows).isEqualTo(1);
        Figures.record("dead-letter-replay", "dead-lettered 2 (1 good event, 1 still malformed); run 1: %s; run 2: %s; "
                        + "run 3 (no memory of run 1, filtered to the event): %s; applied meeting-service=%d task-service=%d, "
                        + "unit_view rows=%d",
                summary(first.output()), summary(second.output()), summary(again.output()), meetingApplied, taskApplied, rows);
    }

    static String summary(String output) {
        return output.lines().filter(l -> l.startsWith("examined=")).findFirst().orElse("(no summary)");
    }

    static ProducerRecord<String, String> deadLetter(String dlq, String key, String value, String origin, String reason) {
        ProducerRecord<String, String> r = new ProducerRecord<>(dlq, key, value);
        r.headers().add("dead-letter-topic", origin.getBytes(StandardCharsets.UTF_8));
        r.headers().add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        r.headers().add("dead-letter-partition", "0".getBytes(StandardCharsets.UTF_8));
        r.headers().add("dead-letter-offset", "0".getBytes(StandardCharsets.UTF_8));
        return r;
    }

    static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, StackConfig.KAFKA);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    /** Commits the end (or the first offset at/after {@code since}) of every partition of {@code topic} for {@code group}. */
    static void positionAtEnd(String group, String topic, Instant... since) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, StackConfig.KAFKA);
        try (Admin admin = Admin.create(props)) {
            Map<TopicPartition, OffsetSpec> spec = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                    .forEach(p -> spec.put(new TopicPartition(topic, p.partition()), since.length == 0 ? OffsetSpec.latest()
                            : OffsetSpec.forTimestamp(since[0].toEpochMilli())));
            Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(spec.keySet().stream().collect(java.util.stream.Collectors.toMap(tp -> tp,
                    tp -> OffsetSpec.latest()))).all().get(30, TimeUnit.SECONDS).forEach((tp, i) -> ends.put(tp, i.offset()));
            admin.listOffsets(spec).all().get(30, TimeUnit.SECONDS).forEach((tp, i) ->
                    commit.put(tp, new OffsetAndMetadata(i.offset() < 0 ? ends.get(tp) : i.offset())));
            admin.alterConsumerGroupOffsets(group, commit).all().get(30, TimeUnit.SECONDS);
        }
    }
}
