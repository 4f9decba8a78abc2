package vn.city.common.availability;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DependencyUnavailableTest {

    @Test
    void connectionFailuresAnywhereInTheCauseChainMeanUnavailable() {
        assertTrue(DependencyUnavailable.isUnavailable(new CompletionException(
                new RuntimeException("HR000057", new ConnectException("Connection refused: localhost/127.0.0.1:55432")))));
        assertTrue(DependencyUnavailable.isUnavailable(new java.net.SocketException("Connection reset")));
        assertTrue(DependencyUnavailable.isUnavailable(new java.util.concurrent.TimeoutException()));
        // seen in a storm of database cuts (deploy/system-test): a pooled connection reset a moment before use
        assertTrue(DependencyUnavailable.isUnavailable(new CompletionException(
                new io.vertx.core.impl.NoStackTraceThrowable("Connection is not active now, current status: CLOSED"))));
        IllegalStateException rollbackFailed = new IllegalStateException("rollback failed");
        rollbackFailed.addSuppressed(new java.net.SocketException("Connection reset"));
        assertTrue(DependencyUnavailable.isUnavailable(rollbackFailed));
    }

    @Test
    void postgresNotNowStatesMeanUnavailable() {
        assertTrue(DependencyUnavailable.isUnavailable(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DependencyUnavailable.isUnavailable(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DependencyUnavailable.isUnavailable(new SQLException("connection failure", "08006")));
        assertTrue(DependencyUnavailable.isUnavailable(new SQLException("too many connections", "53300")));
    }

    @Test
    void bugsAndRuleViolationsAreNot() {
        assertFalse(DependencyUnavailable.isUnavailable(new NullPointerException()));
        assertFalse(DependencyUnavailable.isUnavailable(new SQLException("duplicate key", "23505")));
        assertFalse(DependencyUnavailable.isUnavailable(new IllegalStateException("Connection refused by rule")));
    }
}
