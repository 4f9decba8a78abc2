package vn.city.common.testing;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** Publishes raw records to the real broker, as another service (or a hostile client) would. */
public final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public TopicWriter() {
        producer = producer(new Properties());
    }

    /** acks=all, plus {@code props}. See TopicReader: no metric reporters, serializers as objects, so it works inside @QuarkusTest too. */
    private static KafkaProducer<String, String> producer(Properties props) {
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TopicReader.bootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.METRIC_REPORTER_CLASSES_CONFIG, List.of());
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    public void send(String topic, String key, String value) {
        sendAt(topic, key, value);
    }

    /** Publishes and tells where the record landed (partition and offset). */
    public RecordMetadata sendAt(String topic, String key, String value) {
        try {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** Publishes with the headers given (as the outbox publisher writes {@code ce_type}). */
    public void send(String topic, String key, String value, java.util.Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /**
     * Publishes the values as one produce request (one record batch on one partition), so that a consumer's poll
     * returns them together.
     */
    public void sendTogether(String topic, String key, List<String> values) {
        Properties lingering = new Properties();
        lingering.put(ProducerConfig.LINGER_MS_CONFIG, 1000);
        lingering.put(ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20);
        try (KafkaProducer<String, String> together = producer(lingering)) {
            List<java.util.concurrent.Future<RecordMetadata>> sent = values.stream()
                    .map(v -> together.send(new ProducerRecord<>(topic, key, v))).toList();
            together.flush();
            for (var f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
