package vn.city.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** JDBC to the benchmark's own databases (measurement only: polling read models, counting rows). */
final class Pg {

    private Pg() {
    }

    static Connection connect(String hostPort, String db, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("ApplicationName", "city-benchmark");
        p.setProperty("connectTimeout", "5");
        p.setProperty("reWriteBatchedInserts", "true");
        return DriverManager.getConnection("jdbc:postgresql://" + hostPort + "/" + db, p);
    }

    /** Drops (when asked) and creates each database, owned by the application role. */
    static void recreate(String hostPort, String superuser, String password, String owner, boolean drop,
                         String... dbs) throws SQLException {
        try (Connection c = connect(hostPort, "postgres", superuser, password); Statement s = c.createStatement()) {
            for (String db : dbs) {
                if (!db.matches("[a-z_]+")) {
                    throw new IllegalArgumentException("database name " + db);
                }
                if (drop) {
                    s.execute("drop database if exists " + db + " with (force)");
                }
                boolean exists;
                try (PreparedStatement ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                    ps.setString(1, db);
                    try (ResultSet rs = ps.executeQuery()) {
                        exists = rs.next();
                    }
                }
                if (!exists) {
                    s.execute("create database " + db + " owner " + owner);
                }
                System.err.println("[bench] database " + db + (drop ? " recreated" : exists ? " present" : " created"));
            }
        }
    }

    static long count(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
