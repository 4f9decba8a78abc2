package vn.city.systemtest;

import vn.city.systemtest.ServiceProcesses.Service;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a service's system-test database directly, to count what was stored (outbox rows = events produced, inbox
 * rows = events applied). Only reads: every change goes through the services' APIs or topics.
 */
public final class Db {

    private Db() {
    }

    public static long count(Service service, String sql, Object... params) {
        try (Connection c = connect(service); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(service.database + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    public static List<String> strings(Service service, String sql, Object... params) {
        try (Connection c = connect(service); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(service.database + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Counts rows of a query with one text-array parameter ({@code = any(?)}), e.g. event ids from another database. */
    public static long countAny(Service service, String sql, java.util.Collection<String> values) {
        try (Connection c = connect(service); PreparedStatement st = c.prepareStatement(sql)) {
            st.setArray(1, c.createArrayOf("text", values.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(service.database + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Rows of every table of the service's schema but the Flyway history: "nothing stored" means this is unchanged. */
    public static long totalRows(Service service) {
        List<String> tables = strings(service, "select table_name from information_schema.tables where table_schema ="
                + " 'public' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history' order by 1");
        long total = 0;
        for (String t : tables) {
            total += count(service, "select count(*) from \"" + t + "\"");
        }
        return total;
    }

    static Connection connect(Service service) throws SQLException {
        return DriverManager.getConnection(StackConfig.jdbcUrl(service.database), StackConfig.PG_USER,
                StackConfig.PG_PASSWORD);
    }
}
