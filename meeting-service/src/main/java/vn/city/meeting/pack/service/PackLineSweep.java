package vn.city.meeting.pack.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import vn.city.meeting.pack.PackConfig;
import vn.city.meeting.pack.repository.PackLines;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Builds the pack lines of results that have none: rows loaded behind the consumers' back (after an upgrade from
 * before pack lines, or a direct load such as the benchmark's history). The consumers keep every line up to date as
 * events arrive; this only fills what is missing, and never replaces a line a consumer wrote. Runs at start and then
 * every {@code city.pack.sweep-interval}, when the number of result rows changed since the last complete sweep.
 */
@ApplicationScoped
public class PackLineSweep {

    private static final Logger LOG = Logger.getLogger(PackLineSweep.class);
    /** Periods built per transaction. */
    private static final int BATCH = 4;

    private final PackLines lines;
    private final Duration interval;
    private ScheduledExecutorService executor;
    private long swept = -1;

    public PackLineSweep(PackLines lines, PackConfig config) {
        this.lines = lines;
        this.interval = config.sweepInterval();
    }

    void start(@Observes StartupEvent event) {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pack-line-sweep");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::sweep, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** One sweep: fills missing lines, a few periods per transaction, until none is missing. */
    void sweep() {
        try {
            long rows = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(s -> s.createNativeQuery(
                            "select (select count(*) from city_result) + (select count(*) from unit_result)", Long.class)
                            .getSingleResult())));
            if (rows == swept) {
                return;
            }
            long t0 = System.nanoTime();
            int total = 0;
            for (int n; (n = VertxContextSupport.subscribeAndAwait(
                    () -> Panache.withTransaction(() -> lines.fillMissing(BATCH)))) > 0; ) {
                total += n;
            }
            swept = rows;
            if (total > 0) {
                LOG.infof("pack lines: built %d missing lines in %d ms", total, (System.nanoTime() - t0) / 1_000_000);
            }
        } catch (Throwable e) {
            LOG.warnf("pack lines: the sweep for missing lines failed, tried again in %s: %s", interval, e.toString());
        }
    }
}
