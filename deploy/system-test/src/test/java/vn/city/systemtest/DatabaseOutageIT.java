package vn.city.systemtest;

import org.junit.jupiter.api.Test;
import vn.city.systemtest.ServiceProcesses.Instance;
import vn.city.systemtest.ServiceProcesses.Service;
import vn.city.systemtest.Traffic.Result;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL goes away for all three services at once (the proxy every suite process reaches it through is cut:
 * connections reset, new ones refused, as when the server stops or restarts; the shared server keeps running) while
 * officers submit figures and the secretariat and the chair run meetings to a published conclusion. While it is away
 * every request answers fast with 503 problem+json and Retry-After; afterwards the pools reconnect, the outbox relays
 * and the consumers resume, every accepted write is stored, published and applied exactly once by every consumer,
 * and a refused write is either absent or (its commit was in flight when the connection broke) complete with its
 * event: never half-applied.
 */
class DatabaseOutageIT {

    static final Duration BEFORE_AT_MOST = Duration.ofSeconds(30);
    static final Duration OUTAGE = Duration.ofSeconds(12);
    static final Duration AFTER_AT_MOST = Duration.ofSeconds(60);
    static final int FIGURE_THREADS = 3;

    @Test
    void databaseAwayUnderLoadAnswers503FastLosesNothingAndHalfAppliesNothing() {
        ServiceProcesses p = ServiceProcesses.get();
        Instance indicator = p.base(Service.INDICATOR);
        Instant cutAt;
        Instant restoredAt;

        try (LoadUnderFault load = new LoadUnderFault("ST_PG_", "Mất CSDL ", "Chỉ tiêu kiểm thử mất cơ sở dữ liệu",
                "pg-outage")) {
            load.start(FIGURE_THREADS, List.of(indicator), List.of(p.base(Service.MEETING)), 0, 100);
            load.awaitSuccesses("figure", 20, BEFORE_AT_MOST);
            Outages.database().cut();
            cutAt = Instant.now();
            try {
                await("the database has been away for " + OUTAGE.toSeconds() + " s").atMost(OUTAGE.plusSeconds(10))
                        .pollInterval(Duration.ofMillis(200)).until(() -> !Instant.now().isBefore(cutAt.plus(OUTAGE)));
                assertThat(ServiceProcesses.ready(indicator)).as("readiness while the database is away").isFalse();
            } finally {
                Outages.database().restore();
                restoredAt = Instant.now();
            }
            load.awaitSuccesses("figure", 30, AFTER_AT_MOST);
            load.stop();
            LoadUnderFault.awaitEveryServiceReady(p);
            Duration readyAgain = Duration.between(restoredAt, Instant.now());

            List<Result> all = load.results();
            List<Result> during = all.stream().filter(r -> r.status() == 503).toList();
            // every answer is a success or a fast, retryable 503; nothing else
            assertThat(all).as("answers other than 2xx and 503 problem+json with Retry-After: %s",
                    all.stream().filter(r -> !r.ok() && !r.retryable503()).limit(5).toList())
                    .allMatch(r -> r.ok() || r.retryable503());
            assertThat(during).as("some requests met the outage").isNotEmpty();

            Figures.record("database-outage", "outage %d s under load (%d figure threads + 1 meeting flow); requests %d, statuses %s; "
                            + "503 latency p50=%d ms p99=%d ms max=%d ms; ready again %d s after the database returned",
                    Duration.between(cutAt, restoredAt).toSeconds(), FIGURE_THREADS, all.size(), Traffic.statuses(all),
                    Traffic.percentile(during, 50), Traffic.percentile(during, 99), Traffic.percentile(during, 100),
                    readyAgain.toSeconds());
            assertThat(Traffic.percentile(during, 99)).as("503s answer fast (ms)").isLessThan(5000);
            load.settle("database-outage");
        }
    }
}
