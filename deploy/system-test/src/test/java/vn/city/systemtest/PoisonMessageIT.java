package vn.city.systemtest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import vn.city.common.testing.TopicReader;
import vn.city.common.testing.TopicWriter;
import vn.city.systemtest.ServiceProcesses.Service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poison message on each consumed topic lands on that consumer's dead-letter topic with the reason, and the
 * message after it (same key, so same partition) is still consumed.
 */
class PoisonMessageIT {

    /** The poison kinds sent to every consumed topic; each must reach the DLQ of every consumer of the topic. */
    static final Map<String, String> POISONS = new LinkedHashMap<>();

    static {
        POISONS.put("not JSON", "{{{ này không phải JSON %s");
        POISONS.put("JSON array", "[\"%s\"]");
        POISONS.put("no id and type", "{\"specversion\":\"1.0\",\"source\":\"/hostile\",\"subject\":\"%s\",\"data\":{}}");
        POISONS.put("data not an object", "{\"specversion\":\"1.0\",\"id\":\"%s\",\"source\":\"/hostile\","
                + "\"type\":\"city.indicator.figure-submitted.v1\",\"data\":\"text\"}");
        POISONS.put("empty", "");
    }

    record Consumer(Service service, String channel) {
        String topic() {
            return StackConfig.TOPIC_PREFIX + channel;
        }
    }

    @Test
    void poisonGoesToTheDeadLetterTopicWithTheReasonAndConsumptionGoesOn() {
        ServiceProcesses.get();
        List<Consumer> consumers = new ArrayList<>();
        for (Service s : Service.values()) {
            s.incoming.forEach(ch -> consumers.add(new Consumer(s, ch)));
        }
        int landed = 0;
        int followUps = 0;
        List<String> lines = new ArrayList<>();
        Instant t0 = Instant.now();
        try (TopicReader taskDlq = new TopicReader(Service.TASK.dlq());
             TopicReader meetingDlq = new TopicReader(Service.MEETING.dlq());
             TopicWriter writer = new TopicWriter()) {
            Map<String, List<String[]>> sent = new LinkedHashMap<>(); // topic -> [kind, marker, key, followUpId, partition, offset]
            for (String channel : List.of("indicator-events", "meeting-events", "task-events")) {
                String topic = StackConfig.TOPIC_PREFIX + channel;
                for (Map.Entry<String, String> poison : POISONS.entrySet()) {
                    String marker = "poison-" + UUID.randomUUID();
                    String key = "poison-key-" + UUID.randomUUID();
                    String value = poison.getValue().contains("%s") ? String.format(poison.getValue(), marker) : poison.getValue();
                    writer.send(topic, key, value);
                    // the next message on the same partition: a well-formed event of a type nobody handles, which
                    // every consumer skips; consumption went on when its group has committed past it
                    String followUp = UUID.randomUUID().toString();
                    RecordMetadata at = writer.sendAt(topic, key, "{\"specversion\":\"1.0\",\"id\":\"" + followUp + "\",\"source\":\"/system-test\","
                            + "\"type\":\"city.system-test.probe.v1\",\"time\":\"" + Instant.now() + "\",\"subject\":\"" + key
                            + "\",\"datacontenttype\":\"application/json\",\"data\":{\"after\":\"" + poison.getKey() + "\"}}");
                    sent.computeIfAbsent(topic, k -> new ArrayList<>()).add(new String[] {poison.getKey(), marker, key,
                            followUp, String.valueOf(at.partition()), String.valueOf(at.offset())});
                }
            }
            for (Consumer c : consumers) {
                TopicReader dlq = c.service() == Service.TASK ? taskDlq : meetingDlq;
                for (String[] s : sent.get(c.topic())) {
                    String kind = s[0];
                    String key = s[2];
                    ConsumerRecord<String, String> dead = dlq.awaitRecord(r -> key.equals(r.key())
                            && c.topic().equals(header(r, "dead-letter-topic")), Duration.ofSeconds(90));
                    String reason = header(dead, "dead-letter-reason");
                    assertThat(reason).as("%s: reason of %s", c, kind).isNotBlank();
                    landed++;
                    int partition = Integer.parseInt(s[4]);
                    long followUpOffset = Long.parseLong(s[5]);
                    await(c + " consumed the message after the " + kind + " poison").atMost(Duration.ofSeconds(60))
                            .pollInterval(Duration.ofMillis(300))
                            .until(() -> Kafka.committed(c.service(), c.topic(), partition) > followUpOffset);
                    followUps++;
                    lines.add(c.service().module + "<-" + c.topic() + " [" + kind + "] reason=\"" + abbreviate(reason) + "\"");
                }
            }
            // nothing else of ours went to a DLQ: the follow-ups were applied, not dead-lettered
            List<ConsumerRecord<String, String>> all = new ArrayList<>(taskDlq.records());
            all.addAll(meetingDlq.records());
            long followUpsDead = all.stream().filter(r -> r.value() != null && r.value().contains("city.system-test.probe.v1")).count();
            assertThat(followUpsDead).isZero();
        }
        int expected = consumers.size() * POISONS.size();
        assertThat(landed).isEqualTo(expected);
        for (Service s : Service.values()) {
            assertThat(ServiceProcesses.ready(ServiceProcesses.get().base(s))).as(s.module + " ready").isTrue();
        }
        Figures.record("poison", "consumers=%d poisonKinds=%d deadLettered=%d/%d followingMessagesApplied=%d in %d s",
                consumers.size(), POISONS.size(), landed, expected, followUps, Duration.between(t0, Instant.now()).toSeconds());
        lines.forEach(l -> Figures.record("poison", "%s", l));
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static String abbreviate(String s) {
        return s == null ? null : s.length() <= 100 ? s : s.substring(0, 97) + "...";
    }
}
