package vn.city.systemtest;

/**
 * The cuttable paths to the shared stack: every service process of the suite reaches PostgreSQL through
 * {@link #database()} (port 25432 → 55432), so the database outage test can take the database away from the services
 * without stopping the server the other engineers' tests use.
 */
public final class Outages {

    public static final int DATABASE_PROXY_PORT = Integer.getInteger("city.system-test.pg-proxy-port", 25432);
    private static TcpProxy database;

    private Outages() {
    }

    public static synchronized TcpProxy database() {
        if (database == null) {
            database = new TcpProxy("pg-proxy", DATABASE_PROXY_PORT, "127.0.0.1", StackConfig.PG_PORT).restore();
        }
        return database;
    }
}
