package vn.city.common.inbox;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Graceful shutdown of the consumers, before anything they use is closed: on SIGTERM every Kafka consumer of the
 * service is paused (no new records), then the events being applied are given time to commit; only then do the
 * connector (which commits the processed offsets), the database pools and the producers close. An event whose
 * change did not commit is not acknowledged, so another replica (or this one after the restart) applies it: never
 * lost, never applied twice (the inbox), never dead-lettered because a pool closed under it.
 */
@ApplicationScoped
public class ConsumerShutdown {

    private static final Logger LOG = Logger.getLogger(ConsumerShutdown.class);
    static final Duration DRAIN = Duration.ofSeconds(10);

    private final Instance<KafkaClientService> kafka;

    public ConsumerShutdown(Instance<KafkaClientService> kafka) {
        this.kafka = kafka;
    }

    void stopConsuming(@Observes @Priority(1) ShutdownEvent event) {
        if (kafka.isResolvable()) {
            KafkaClientService clients = kafka.get();
            for (String channel : clients.getConsumerChannels()) {
                try {
                    clients.getConsumers(channel).forEach(c -> c.pause().await().atMost(Duration.ofSeconds(5)));
                } catch (RuntimeException e) {
                    LOG.warnf("could not pause the consumer of %s on shutdown (%s)", channel, e.toString());
                }
            }
        }
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (EventConsumer.inFlight() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        LOG.infof("consumers paused for shutdown; %d event(s) still being applied", EventConsumer.inFlight());
    }
}
