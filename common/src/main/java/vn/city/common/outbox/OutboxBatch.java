package vn.city.common.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** One relay pass: under the advisory lock, read unsent rows in order, publish them, mark the acknowledged ones. */
@ApplicationScoped
class OutboxBatch {

    private static final Logger LOG = Logger.getLogger(OutboxBatch.class);

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final OutboxPublisher publisher;

    OutboxBatch(AgroalDataSource dataSource, OutboxConfig config, OutboxPublisher publisher) {
        this.dataSource = dataSource;
        this.config = config;
        this.publisher = publisher;
    }

    /** @return how many rows were published and marked sent (0 when another replica holds the lock) */
    int publishNext(long lockKey) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int sent = publishLocked(c, lockKey);
                c.commit();
                return sent;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Deletes rows that were sent longer ago than the retention; the outbox is a queue, not an archive. */
    int purgeSent(java.time.Duration retention) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement purge = c.prepareStatement(
                     "delete from outbox_event where sent_at < now() - make_interval(secs => ?)")) {
            purge.setDouble(1, retention.toSeconds());
            return purge.executeUpdate();
        }
    }

    private int publishLocked(Connection c, long lockKey) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, lockKey);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return 0;
                }
            }
        }
        List<PendingEvent> pending = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "select seq, topic, event_key, type, envelope from outbox_event where sent_at is null order by seq limit ?")) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    pending.add(new PendingEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
        }
        if (pending.isEmpty()) {
            return 0;
        }
        List<Long> acknowledged = publisher.publish(pending, config.sendTimeout());
        if (!acknowledged.isEmpty()) {
            try (PreparedStatement mark = c.prepareStatement(
                    "update outbox_event set sent_at = now() where seq = any(?)")) {
                Array seqs = c.createArrayOf("bigint", acknowledged.toArray());
                mark.setArray(1, seqs);
                mark.executeUpdate();
            }
        }
        if (acknowledged.size() < pending.size()) {
            LOG.warnf("outbox relay: %d of %d events not acknowledged by Kafka; they stay in the outbox",
                    pending.size() - acknowledged.size(), pending.size());
            throw new IllegalStateException("broker did not acknowledge every event");
        }
        return acknowledged.size();
    }
}
