package vn.city.common.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How far the outbox is behind: rows not yet acknowledged by Kafka and the age of the oldest one, read from the table
 * every {@code city.outbox.metrics-refresh} (default 5 s) and exported as
 * {@code city_outbox_pending} and {@code city_outbox_oldest_pending_age_seconds}.
 * <p>
 * The age is computed at scrape time from the oldest row's {@code created_at}, so during a broker outage it keeps
 * growing between refreshes (and while the database cannot be read, it grows from the last known oldest row): that
 * is what the OutboxStuck alert watches. The API stays ready meanwhile (writes buffer here).
 */
@ApplicationScoped
public class OutboxBacklog {

    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);

    private final AgroalDataSource dataSource;
    private final Clock clock = Clock.systemUTC();
    private volatile long pending;
    private volatile Instant oldestCreatedAt;
    private volatile Instant refreshedAt;

    public OutboxBacklog(AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        Gauge.builder("city.outbox.pending", this, b -> b.pending)
                .description("Outbox rows not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("city.outbox.oldest.pending.age", this, b -> b.oldestPendingAge().toMillis() / 1000.0)
                .description("Age of the oldest outbox row not yet acknowledged by Kafka (0 when none waits)")
                .baseUnit("seconds")
                .register(registry);
    }

    @Scheduled(every = "${city.outbox.metrics-refresh:5s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "outbox-backlog")
    void scheduled() {
        refresh();
    }

    /** Reads the backlog now (blocking, JDBC); keeps the last known values when the database cannot be read. */
    public void refresh() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "select count(*), min(created_at) from outbox_event where sent_at is null")) {
            q.setQueryTimeout(5);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                long count = rs.getLong(1);
                Timestamp oldest = rs.getTimestamp(2);
                pending = count;
                oldestCreatedAt = oldest == null ? null : oldest.toInstant();
                refreshedAt = clock.instant();
            }
        } catch (SQLException e) {
            LOG.debugf("outbox backlog not refreshed: %s", e.getMessage());
        }
    }

    public long pending() {
        return pending;
    }

    public Duration oldestPendingAge() {
        Instant oldest = oldestCreatedAt;
        if (oldest == null) {
            return Duration.ZERO;
        }
        Duration age = Duration.between(oldest, clock.instant());
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** When the values were last read from the table (null before the first read). */
    public Instant refreshedAt() {
        return refreshedAt;
    }
}
