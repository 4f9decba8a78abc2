package vn.city.common.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes committed outbox rows to Kafka and marks them sent only after the broker acknowledged them.
 * <p>
 * It runs on its own thread over JDBC: it LISTENs for the insert trigger's notification (sent at commit), so
 * events leave within milliseconds without polling, and looks at the table at least every {@code idle-poll}.
 * A transaction-scoped advisory lock lets any number of replicas run the relay while only one publishes at a
 * time, which keeps each aggregate's events in order.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long ADVISORY_LOCK_KEY = 0x0b0c_e7e1L;

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final OutboxBatch batch;
    private final AtomicLong published = new AtomicLong();
    private static final java.time.Duration PURGE_EVERY = java.time.Duration.ofMinutes(10);
    private long lastPurge = System.nanoTime();
    private volatile boolean running;
    private Thread thread;

    private final Counter publishedCounter;

    public OutboxRelay(AgroalDataSource dataSource, OutboxConfig config, OutboxBatch batch, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config;
        this.batch = batch;
        this.publishedCounter = Counter.builder("city.outbox.published")
                .description("Outbox events acknowledged by Kafka and marked sent by this instance")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            LOG.info("outbox relay disabled on this instance");
            return;
        }
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Events published by this instance since start. */
    public long published() {
        return published.get();
    }

    private void loop() {
        while (running) {
            try (Connection listener = dataSource.getConnection()) {
                try (Statement st = listener.createStatement()) {
                    st.execute("LISTEN outbox_event");
                }
                PGConnection pg = listener.unwrap(PGConnection.class);
                while (running) {
                    drain();
                    pg.getNotifications((int) config.idlePoll().toMillis());
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("outbox relay: database unavailable (%s); retrying", e.getMessage());
                    pause();
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warnf("outbox relay: publishing failed (%s); retrying", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void drain() throws SQLException {
        if (System.nanoTime() - lastPurge > PURGE_EVERY.toNanos()) {
            batch.purgeSent(config.retention());
            lastPurge = System.nanoTime();
        }
        int sent;
        do {
            sent = batch.publishNext(ADVISORY_LOCK_KEY);
            published.addAndGet(sent);
            publishedCounter.increment(sent);
        } while (sent >= config.batchSize() && running);
    }

    private void pause() {
        try {
            Thread.sleep(config.retryBackoff().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
