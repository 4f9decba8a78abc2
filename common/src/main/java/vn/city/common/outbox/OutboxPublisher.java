package vn.city.common.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.jboss.logging.Logger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import io.smallrye.common.annotation.Identifier;
import vn.city.common.event.CloudEvent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends outbox rows with an idempotent, acks=all producer and reports which ones the broker acknowledged.
 * Called only from the relay thread, so a blocked producer (broker down) never blocks an event loop.
 */
@ApplicationScoped
class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

    private final Map<String, Object> kafkaConfig;
    private final MeterRegistry registry;
    private volatile Producer<String, String> producer;
    private volatile KafkaClientMetrics producerMetrics;

    /**
     * @param brokerConfig every {@code kafka.*} property of the service (bootstrap servers, SASL/TLS settings),
     *                     so the relay authenticates exactly as the service's consumers do
     */
    OutboxPublisher(@Identifier("default-kafka-broker") Map<String, Object> brokerConfig, OutboxConfig config,
                    MeterRegistry registry) {
        this.registry = registry;
        int timeoutMs = (int) config.sendTimeout().toMillis();
        Map<String, Object> merged = new HashMap<>();
        brokerConfig.forEach((k, v) -> {
            if (ProducerConfig.configNames().contains(k) || k.startsWith("sasl.") || k.startsWith("ssl.")) {
                merged.put(k, v);
            }
        });
        merged.putAll(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs / 2,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs / 2,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        this.kafkaConfig = Map.copyOf(merged);
    }

    List<Long> publish(List<PendingEvent> events, Duration timeout) {
        Producer<String, String> p = producer();
        List<CompletableFuture<Long>> sends = new ArrayList<>(events.size());
        for (PendingEvent e : events) {
            CompletableFuture<Long> ack = new CompletableFuture<>();
            ProducerRecord<String, String> record = new ProducerRecord<>(e.topic(), e.key(), e.envelope());
            record.headers().add(new RecordHeader("content-type",
                    CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
            record.headers().add(new RecordHeader(CloudEvent.TYPE_HEADER, e.type().getBytes(StandardCharsets.UTF_8)));
            try {
                p.send(record, (metadata, error) -> {
                    if (error == null) {
                        ack.complete(e.seq());
                    } else {
                        ack.completeExceptionally(error);
                    }
                });
            } catch (RuntimeException error) {
                ack.completeExceptionally(error);
            }
            sends.add(ack);
        }
        List<Long> acknowledged = new ArrayList<>(events.size());
        long deadline = System.nanoTime() + timeout.toNanos();
        for (CompletableFuture<Long> send : sends) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                acknowledged.add(send.get(left, TimeUnit.NANOSECONDS));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception notAcknowledged) {
                // Stop at the first gap: later events stay unsent, so an aggregate's events are never reordered.
                break;
            }
        }
        return acknowledged;
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties props = new Properties();
                    props.putAll(kafkaConfig);
                    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
                    KafkaProducer<String, String> created = new KafkaProducer<>(props);
                    bindMetrics(created);
                    producer = created;
                }
            }
        }
        return producer;
    }

    /**
     * kafka_producer_* metrics (record-error-rate, request-latency-avg, ...) of the relay's producer, client_id
     * {@code outbox-relay}. The same tag keys as the connector's clients (Prometheus refuses one name with two label
     * sets); a metrics problem never stops publishing.
     */
    private void bindMetrics(KafkaProducer<String, String> created) {
        try {
            KafkaClientMetrics metrics = new KafkaClientMetrics(created);
            metrics.bindTo(registry);
            producerMetrics = metrics;
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay: producer metrics not exported (%s)", e.getMessage());
        }
    }

    void close(@Observes ShutdownEvent event) {
        if (producerMetrics != null) {
            producerMetrics.close();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
