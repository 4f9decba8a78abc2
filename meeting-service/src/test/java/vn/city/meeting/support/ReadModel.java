package vn.city.meeting.support;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Collection;

import static org.awaitility.Awaitility.await;

/** Waits until the service's read model has applied what a test published. */
public final class ReadModel {

    private ReadModel() {
    }

    /** Until every code is in the directory, under the name this JVM last published it with (if it did). */
    public static void awaitUnits(AgroalDataSource ds, Collection<String> codes) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    for (String code : codes) {
                        if (!hasUnit(ds, code, Events.PUBLISHED_UNIT_NAMES.get(code))) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    private static boolean hasUnit(AgroalDataSource ds, String code, String name) throws Exception {
        try (Connection c = ds.getConnection();
             PreparedStatement st = c.prepareStatement("select name from unit_view where code = ?")) {
            st.setString(1, code);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && (name == null || name.equals(rs.getString(1)));
            }
        }
    }

    public static void awaitTargets(AgroalDataSource ds, Collection<String> indicators) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> count(ds, "select count(distinct indicator_code) from target_view where indicator_code = any (?)",
                        indicators) == indicators.size());
    }

    public static int count(AgroalDataSource ds, String sql, Collection<String> values) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setArray(1, c.createArrayOf("text", values.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    public static int count(AgroalDataSource ds, String sql, String value) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, value);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
