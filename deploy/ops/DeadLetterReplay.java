import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Operator command: re-injects dead-lettered events into the topic they came from, after the consumer was fixed.
 * Run it through {@code deploy/ops/replay-dead-letters.sh} (which puts kafka-clients on the class path).
 *
 * <pre>
 * DeadLetterReplay --dlq meeting-service.dlq [--bootstrap 127.0.0.1:9092] [--group meeting-service.dlq.replay]
 *                  [--type city.indicator.unit-changed.v1] [--event-id ID] [--since 2026-11-30T10:00:00Z] [--dry-run]
 * </pre>
 *
 * Every dead-lettered record not handled before (the replay consumer group remembers how far it got) is examined up
 * to the end the topic had when the command started:
 * <ul>
 *   <li>a well-formed CloudEvent (a JSON object with specversion, id, type and an object {@code data}) that matches the
 *       filters is sent again to its original topic (header {@code dead-letter-topic}), with its original key, and
 *       reported {@code REPLAYED};</li>
 *   <li>a record that is still not a well-formed event (what the consumer rejects as malformed) is reported
 *       {@code SKIPPED} with the reason it was dead-lettered: replaying it would only dead-letter it again;</li>
 *   <li>a record outside the filters is reported {@code LEFT} and is not marked handled, so a later run may replay it.</li>
 * </ul>
 * Idempotent: the group's offsets move past the records handled, only after every re-sent event was acknowledged,
 * so running it twice replays nothing twice; and were it interrupted between the two, an event sent twice is still
 * applied once (every consumer records the event ids it applied in its inbox).
 */
public class DeadLetterReplay {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        String dlq = required(o, "dlq");
        String bootstrap = o.getOrDefault("bootstrap", System.getenv().getOrDefault("CITY_KAFKA_BOOTSTRAP", "127.0.0.1:9092"));
        String group = o.getOrDefault("group", dlq + ".replay");
        boolean dryRun = o.containsKey("dry-run");
        Instant since = o.containsKey("since") ? Instant.parse(o.get("since")) : null;
        String onlyType = o.get("type");
        String onlyId = o.get("event-id");

        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());

        int replayed = 0;
        int skipped = 0;
        int left = 0;
        int examined = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c);
             KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(dlq, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(dlq, info.partition()));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions),
                    Duration.ofSeconds(30));
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata at = committed.get(tp);
                if (at != null) {
                    consumer.seek(tp, at.offset());
                } else {
                    consumer.seekToBeginning(List.of(tp));
                }
            }
            System.out.printf("dead-letter replay of %s on %s (group %s)%s: %s%n", dlq, bootstrap, group,
                    dryRun ? " DRY RUN" : "", describe(partitions, committed, end));
            // the first record not handled in each partition: the group moves up to it, never past a LEFT one
            Map<TopicPartition, Long> handledUpTo = new HashMap<>();
            Map<TopicPartition, Boolean> blocked = new HashMap<>();
            List<Future<?>> sends = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(120);
            while (!caughtUp(consumer, partitions, end) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() >= end.get(tp)) {
                        continue;
                    }
                    examined++;
                    String origin = header(r, "dead-letter-topic");
                    String reason = header(r, "dead-letter-reason");
                    String where = dlq + "@" + r.partition() + ":" + r.offset();
                    Event e = Event.parse(r.value());
                    boolean inFilter = (since == null || !Instant.ofEpochMilli(r.timestamp()).isBefore(since))
                            && (onlyType == null || (e != null && onlyType.equals(e.type)))
                            && (onlyId == null || (e != null && onlyId.equals(e.id)));
                    if (!inFilter) {
                        left++;
                        blocked.put(tp, true);
                        System.out.printf("LEFT     %s (outside the filters) id=%s type=%s%n", where, e == null ? "-" : e.id,
                                e == null ? "-" : e.type);
                        continue;
                    }
                    if (e == null || origin == null) {
                        skipped++;
                        System.out.printf("SKIPPED  %s %s; dead-lettered because: %s%n", where, e == null
                                ? "not a well-formed CloudEvent" : "no dead-letter-topic header", abbreviate(reason));
                    } else {
                        replayed++;
                        System.out.printf("%s %s -> %s key=%s id=%s type=%s; dead-lettered because: %s%n",
                                dryRun ? "WOULD    " : "REPLAYED", where, origin, r.key(), e.id, e.type, abbreviate(reason));
                        if (!dryRun) {
                            ProducerRecord<String, String> again = new ProducerRecord<>(origin, r.key(), r.value());
                            again.headers().add("content-type", "application/cloudevents+json; charset=UTF-8"
                                    .getBytes(StandardCharsets.UTF_8));
                            again.headers().add("ce_type", e.type.getBytes(StandardCharsets.UTF_8));
                            again.headers().add("replayed-from", where.getBytes(StandardCharsets.UTF_8));
                            sends.add(producer.send(again));
                        }
                    }
                    if (!blocked.getOrDefault(tp, false)) {
                        handledUpTo.put(tp, r.offset() + 1);
                    }
                }
            }
            for (Future<?> f : sends) {
                f.get(60, TimeUnit.SECONDS); // every re-sent event acknowledged before the group moves on
            }
            if (!dryRun && !handledUpTo.isEmpty()) {
                Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
                handledUpTo.forEach((tp, off) -> commit.put(tp, new OffsetAndMetadata(off)));
                consumer.commitSync(commit, Duration.ofSeconds(30));
            }
        }
        System.out.printf("examined=%d replayed=%d skipped=%d left=%d%s%n", examined, replayed, skipped, left,
                dryRun ? " (dry run: nothing sent, nothing marked handled)" : "");
    }

    /** The envelope fields the consumers need; null when the record is not a well-formed event. */
    record Event(String id, String type) {
        private static final Pattern FIELD = Pattern.compile("\"(specversion|id|type)\"\\s*:\\s*\"([^\"]*)\"");
        private static final Pattern DATA = Pattern.compile("\"data\"\\s*:\\s*\\{");

        static Event parse(String value) {
            if (value == null || !value.trim().startsWith("{") || !value.trim().endsWith("}")) {
                return null;
            }
            Map<String, String> f = new HashMap<>();
            Matcher m = FIELD.matcher(value);
            while (m.find()) {
                f.putIfAbsent(m.group(1), m.group(2));
            }
            if (f.get("specversion") == null || blank(f.get("id")) || blank(f.get("type")) || !DATA.matcher(value).find()) {
                return null;
            }
            return new Event(f.get("id"), f.get("type"));
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions,
                                    Map<TopicPartition, Long> end) {
        for (TopicPartition tp : partitions) {
            if (consumer.position(tp) < end.get(tp)) {
                return false;
            }
        }
        return true;
    }

    private static String describe(List<TopicPartition> partitions, Map<TopicPartition, OffsetAndMetadata> committed,
                                   Map<TopicPartition, Long> end) {
        StringBuilder sb = new StringBuilder();
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata at = committed.get(tp);
            sb.append("p").append(tp.partition()).append(" from ").append(at == null ? "start" : at.offset())
                    .append(" to ").append(end.get(tp)).append("; ");
        }
        return sb.toString();
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s == null ? "(no reason header)" : s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            if (name.equals("dry-run")) {
                o.put(name, "true");
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                o.put(name, args[++i]);
            }
        }
        return o;
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) {
            System.err.println("usage: DeadLetterReplay --dlq <dead-letter topic> [--bootstrap host:port] [--group name]"
                    + " [--type ce-type] [--event-id id] [--since ISO-instant] [--dry-run]");
            System.exit(2);
        }
        return v;
    }
}
