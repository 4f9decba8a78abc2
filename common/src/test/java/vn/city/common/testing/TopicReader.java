package vn.city.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Reads a topic of the real broker from the end as it was when the reader was opened, so a test sees only what
 * happened after it started. Waits on a condition, never a fixed time.
 */
public final class TopicReader implements AutoCloseable {

    /** The broker: the container's when {@link ContainerStack} runs, else the local stack's. */
    public static String bootstrap() {
        return System.getProperty("city.kafka.bootstrap",
                System.getenv().getOrDefault("CITY_KAFKA_BOOTSTRAP", "127.0.0.1:9092"));
    }
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public TopicReader(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Classes given as objects and no metric reporters: inside @QuarkusTest, Kafka loading classes by name
        // through the context class loader fails with a ClassCastException on JmxReporter.
        props.put(ConsumerConfig.METRIC_REPORTER_CLASSES_CONFIG, List.of());
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, List.of(RangeAssignor.class));
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Waits until a record matching the predicate has arrived, and returns its parsed envelope. */
    public JsonNode await(Predicate<JsonNode> match, Duration timeout) {
        List<JsonNode> found = awaitCount(match, 1, timeout);
        return found.get(0);
    }

    /** Waits until at least {@code count} matching records arrived; returns all matching records seen. */
    public List<JsonNode> awaitCount(Predicate<JsonNode> match, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<JsonNode> matching = matching(match);
            if (matching.size() >= count) {
                return matching;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("expected " + count + " matching record(s) within " + timeout
                        + ", saw " + matching.size() + " of " + seen.size() + " record(s)");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
    }

    /** Polls for {@code quiet} more and returns everything matching: to check that nothing more arrives. */
    public List<JsonNode> drain(Predicate<JsonNode> match, Duration quiet) {
        Instant until = Instant.now().plus(quiet);
        while (Instant.now().isBefore(until)) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return matching(match);
    }

    /** Waits until a raw record (headers included) matching the predicate has arrived. */
    public ConsumerRecord<String, String> awaitRecord(Predicate<ConsumerRecord<String, String>> match,
                                                       Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            for (ConsumerRecord<String, String> r : seen) {
                if (match.test(r)) {
                    return r;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no matching record within " + timeout + " among " + seen.size());
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
    }

    public List<ConsumerRecord<String, String>> records() {
        return List.copyOf(seen);
    }

    private List<JsonNode> matching(Predicate<JsonNode> match) {
        List<JsonNode> out = new ArrayList<>();
        for (ConsumerRecord<String, String> r : seen) {
            JsonNode node = parse(r.value());
            if (node != null && match.test(node)) {
                out.add(node);
            }
        }
        return out;
    }

    private static JsonNode parse(String value) {
        try {
            return value == null ? null : JSON.readTree(value);
        } catch (IOException e) {
            return null;
        }
    }

    /** An envelope of the given type about the given subject. */
    public static Predicate<JsonNode> event(String type, String subject) {
        return n -> type.equals(n.path("type").asText()) && subject.equals(n.path("subject").asText());
    }

    /** Matches an envelope by its {@code type}. */
    public static Predicate<JsonNode> type(String type) {
        return n -> type.equals(n.path("type").asText());
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
