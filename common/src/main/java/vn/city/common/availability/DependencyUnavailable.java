package vn.city.common.availability;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Recognises a failure that means "a dependency (the database) is away right now", as opposed to a bug: connection
 * refused or reset, a closed connection or pool, a pool wait that timed out, and PostgreSQL's own "not now" states
 * (SQLSTATE class 08 connection exception, 57P01–57P03 shutting down or starting up, 53300 too many connections).
 * Such a request is answered 503 with {@code Retry-After}; nothing of it was committed unless the commit itself was
 * in flight, in which case the whole change (with its outbox event) was committed, never a part of it.
 */
public final class DependencyUnavailable {

    /** Classes matched by name, so this module needs no compile dependency on each driver. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of(
            "io.vertx.sqlclient.ClosedConnectionException",
            "io.vertx.core.impl.NoStackTraceTimeoutException",
            "io.vertx.core.http.impl.ClosedException",
            "io.netty.channel.ConnectTimeoutException",
            "io.agroal.api.AcquisitionTimeoutException");

    private DependencyUnavailable() {
    }

    /** Whether {@code failure} or one of its causes says the database (or the network to it) is unavailable. */
    public static boolean isUnavailable(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 15; t = t.getCause(), depth++) {
            if (t instanceof ConnectException || t instanceof ClosedChannelException
                    || t instanceof SQLTransientConnectionException || t instanceof TimeoutException
                    || t instanceof java.net.SocketException) {
                return true;
            }
            if (TRANSIENT_CLASSES.contains(t.getClass().getName())) {
                return true;
            }
            String state = sqlState(t);
            if (state != null && (state.startsWith("08") || state.startsWith("57P0") || state.equals("53300"))) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && isConnectionMessage(t, message)) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                // a failed rollback on the dead connection may carry the original failure as suppressed
                if (suppressed != t && isUnavailable(suppressed)) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean isConnectionMessage(Throwable t, String message) {
        String m = message.toLowerCase(java.util.Locale.ROOT);
        boolean connectionLevel = t instanceof IOException || t.getClass().getName().startsWith("io.vertx.")
                || t.getClass().getName().startsWith("io.netty.");
        return connectionLevel && (m.contains("connection refused") || m.contains("connection reset")
                || m.contains("connection was closed") || m.contains("connection is closed")
                || m.contains("pool closed") || m.contains("closed connection") || m.contains("broken pipe")
                // the pool handed out a connection whose socket the network had just reset (Vert.x SQL client)
                || m.contains("connection is not active")
                || m.contains("failed to read any response from the server"));
    }

    /** PostgreSQL's SQLSTATE of a JDBC {@link SQLException} or a Vert.x {@code PgException} (read reflectively). */
    static String sqlState(Throwable t) {
        if (t instanceof SQLException sql) {
            return sql.getSQLState();
        }
        if (t.getClass().getName().equals("io.vertx.pgclient.PgException")) {
            try {
                Object code = t.getClass().getMethod("getSqlState").invoke(t);
                return code == null ? null : code.toString();
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
        return null;
    }
}
