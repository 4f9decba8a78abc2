package vn.city.meeting.pack.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import vn.city.meeting.pack.PackConfig;
import vn.city.common.period.Period;
import vn.city.meeting.pack.repository.PackLines;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Builds pack lines behind the consumers, on two threads of its own:
 * <ul>
 * <li>the lines the consumers marked ({@link PackLines#mark}): every {@code city.pack.pending-interval} after this
 * process marked some, otherwise every {@code city.pack.pending-poll}; each period's marked lines in one transaction,
 * so the events that changed a line meanwhile cost one build; while builds keep finding marks, they take at most
 * {@code city.pack.pending-build-share} of the thread's time;</li>
 * <li>the lines of results that have none: rows loaded behind the consumers' back (after an upgrade from before pack
 * lines, or a direct load such as the benchmark's history), never replacing a line built from events; at start and
 * then every {@code city.pack.sweep-interval}, when the number of result rows changed since the last complete sweep;
 * while this process's consumers are marking lines, at most every 12 intervals (the query reads every result).</li>
 * </ul>
 */
@ApplicationScoped
public class PackLineSweep {

    private static final Logger LOG = Logger.getLogger(PackLineSweep.class);
    /** Periods built per transaction. */
    private static final int BATCH = 4;

    /** How many sweep intervals the sweep for missing lines waits at most while the consumers are marking lines. */
    private static final int DEFERRALS = 12;

    private static final long RECENT_MARK_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Periods of marked lines taken per look. */
    private static final int PENDING_PERIODS = 64;

    private final PackLines lines;
    private final Duration interval;
    private final Duration pendingInterval;
    private final long pendingPollNanos;
    private final double pendingBuildShare;
    private ScheduledExecutorService executor;
    private ScheduledExecutorService builder;
    private long swept = -1;
    /** When the last sweep that found nothing missing ended ({@link System#nanoTime()}). */
    private long sweptAt = System.nanoTime();
    private long lastLook;
    private boolean lookAgain;
    /** No look before this ({@link System#nanoTime()}): the pause after a build, see {@code pending-build-share}. */
    private long notBefore = System.nanoTime();

    public PackLineSweep(PackLines lines, PackConfig config) {
        this.lines = lines;
        this.interval = config.sweepInterval();
        this.pendingInterval = config.pendingInterval();
        this.pendingPollNanos = config.pendingPoll().toNanos();
        this.pendingBuildShare = Math.min(1, Math.max(0.01, config.pendingBuildShare()));
        this.lastLook = System.nanoTime() - pendingPollNanos;
    }

    void start(@Observes StartupEvent event) {
        if (!(pendingInterval.isZero() || pendingInterval.isNegative())) {
            builder = thread("pack-line-build");
            builder.scheduleWithFixedDelay(this::buildMarked, 0, pendingInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (!(interval.isZero() || interval.isNegative())) {
            executor = thread("pack-line-sweep");
            executor.scheduleWithFixedDelay(this::sweep, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static ScheduledExecutorService thread(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    void stop(@Observes ShutdownEvent event) {
        for (ScheduledExecutorService e : new ScheduledExecutorService[] {builder, executor}) {
            if (e != null) {
                e.shutdownNow();
            }
        }
    }

    /**
     * Builds the marked lines while this process is marking some (and once more after a look that found some), and
     * otherwise every {@code pending-poll}, for other replicas' marks.
     */
    void buildMarked() {
        long now = System.nanoTime();
        if (now - notBefore < 0) {
            return;
        }
        // a mark is made before its event commits: keep looking for a moment after the last one
        boolean markedRecently = now - lines.lastMarked() < RECENT_MARK_NANOS;
        if (!lookAgain && !markedRecently && now - lastLook < pendingPollNanos) {
            return;
        }
        lastLook = now;
        try {
            List<String> periods = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                    () -> lines.pendingPeriods(PENDING_PERIODS)));
            int built = 0;
            for (String period : periods) {
                built += VertxContextSupport.subscribeAndAwait(
                        () -> Panache.withTransaction(() -> lines.buildPending(Period.parse(period), true)));
            }
            lookAgain = built > 0;
            if (built > 0) {
                long took = System.nanoTime() - now;
                notBefore = System.nanoTime() + (long) (took * (1 - pendingBuildShare) / pendingBuildShare);
            }
        } catch (Throwable e) {
            lookAgain = true;
            LOG.warnf("pack lines: building the marked lines failed, tried again shortly: %s", e.toString());
        }
    }

    /** One sweep: fills missing lines, a few periods per transaction, until none is missing. */
    void sweep() {
        long now = System.nanoTime();
        if (swept >= 0 && now - lines.lastMarked() < interval.toNanos()
                && now - sweptAt < interval.toNanos() * DEFERRALS) {
            // the consumers are marking lines now: the results they write get their lines that way, and this query
            // reads every result; rows loaded behind their back wait a little (at most DEFERRALS intervals)
            return;
        }
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
            sweptAt = System.nanoTime();
            if (total > 0) {
                LOG.infof("pack lines: built %d missing lines in %d ms", total, (System.nanoTime() - t0) / 1_000_000);
            }
        } catch (Throwable e) {
            LOG.warnf("pack lines: the sweep for missing lines failed, tried again in %s: %s", interval, e.toString());
        }
    }
}
