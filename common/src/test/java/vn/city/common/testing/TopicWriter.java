package vn.city.common.testing;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** Publishes raw records to the real broker, as another service (or a hostile client) would. */
public final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public TopicWriter() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TopicReader.bootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // See TopicReader: no metric reporters, serializers as objects, so it works inside @QuarkusTest too.
        props.put(ProducerConfig.METRIC_REPORTER_CLASSES_CONFIG, List.of());
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    public void send(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
