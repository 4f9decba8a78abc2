package vn.city.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the service's database sessions wait on while a load runs: pg_stat_activity sampled every 20 ms (active
 * sessions of one database, grouped by wait event; "CPU" = running). Explains what bounds a throughput.
 */
final class WaitSampler implements AutoCloseable {

    private final Map<String, Long> counts = new TreeMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private long samples;

    WaitSampler(Connection c, String database) {
        thread = new Thread(() -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    select coalesce(wait_event_type || ':' || wait_event, 'CPU'), count(*) from pg_stat_activity
                    where datname = ? and state = 'active' and pid <> pg_backend_pid()
                      and backend_type = 'client backend' group by 1""")) {
                ps.setString(1, database);
                while (running) {
                    try (ResultSet rs = ps.executeQuery()) {
                        synchronized (counts) {
                            samples++;
                            while (rs.next()) {
                                counts.merge(rs.getString(1), rs.getLong(2), Long::sum);
                            }
                        }
                    }
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LoadGen.log("wait sampler stopped: %s", e);
            }
        }, "wait-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Average number of active sessions in each wait state, largest first (top 5). */
    Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        synchronized (counts) {
            long n = Math.max(1, samples);
            counts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(5)
                    .forEach(e -> out.put(e.getKey(), Load.round(e.getValue() / (double) n, 2)));
        }
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(2000);
    }
}
