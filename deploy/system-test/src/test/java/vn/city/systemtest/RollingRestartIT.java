package vn.city.systemtest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.city.systemtest.ServiceProcesses.Instance;
import vn.city.systemtest.ServiceProcesses.Service;
import vn.city.systemtest.Traffic.Result;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of each service behind a client-side load balancer (a replica that refuses the connection is skipped,
 * as a Kubernetes Service skips a pod that is not ready) while officers submit figures and meetings are concluded;
 * each replica of each service is stopped gracefully (SIGTERM) and started again, one at a time. No request fails
 * except with a retryable status, every accepted write is stored and every event applied exactly once by each
 * consumer, and no good event is dead-lettered (the consumers stop before the pools close).
 */
class RollingRestartIT {

    static final int FIGURE_THREADS = 2;
    static final Map<Service, Instance> REPLICAS = new EnumMap<>(Service.class);

    @BeforeAll
    static void replicas() {
        ServiceProcesses p = ServiceProcesses.get();
        List<CompletableFuture<Instance>> starts = new ArrayList<>();
        for (Service s : Service.values()) {
            starts.add(CompletableFuture.supplyAsync(() -> p.start(s, 1)));
        }
        starts.forEach(f -> {
            Instance i = f.join();
            REPLICAS.put(i.service, i);
        });
    }

    @AfterAll
    static void stopReplicas() {
        ServiceProcesses p = ServiceProcesses.get();
        for (Service s : Service.values()) {
            ServiceProcesses.Instance r = p.running(s, 1);
            if (r != null) {
                p.stop(r);
            }
        }
        REPLICAS.clear();
    }

    @Test
    void restartingEveryReplicaOneAtATimeUnderLoadLosesNothingAndAppliesNothingTwice() {
        ServiceProcesses p = ServiceProcesses.get();
        // the load balancer's view: the replicas' addresses (ports) stay the same across restarts
        List<Instance> indicators = new CopyOnWriteArrayList<>(List.of(p.base(Service.INDICATOR), REPLICAS.get(Service.INDICATOR)));
        List<Instance> meetings = new CopyOnWriteArrayList<>(List.of(p.base(Service.MEETING), REPLICAS.get(Service.MEETING)));
        List<String> restarts = new ArrayList<>();
        Instant t0 = Instant.now();

        try (LoadUnderFault load = new LoadUnderFault("ST_ROLL_", "Khởi động lại ",
                "Chỉ tiêu kiểm thử khởi động lại lần lượt", "rolling")) {
            load.start(FIGURE_THREADS, indicators, meetings, 50, 200);
            load.awaitSuccesses("figure", 20, Duration.ofSeconds(30));
            try {
                Map<Service, List<Instance>> balanced = Map.of(Service.INDICATOR, indicators, Service.MEETING, meetings);
                for (Service s : List.of(Service.TASK, Service.MEETING, Service.INDICATOR)) {
                    for (int replica : new int[] {0, 1}) {
                        Instance old = p.running(s, replica);
                        Instant a = Instant.now();
                        // as Kubernetes does with a terminating pod: out of the endpoints when SIGTERM is sent (the
                        // service's shutdown delay serves what was already routed to it), back in once ready
                        List<Instance> endpoints = balanced.get(s);
                        if (endpoints != null) {
                            endpoints.removeIf(i -> i.httpPort == old.httpPort);
                        }
                        p.stop(old);
                        Instant stopped = Instant.now();
                        Instance fresh = p.start(s, replica);
                        if (endpoints != null) {
                            endpoints.add(Math.min(replica, endpoints.size()), fresh);
                        }
                        if (replica == 1) {
                            REPLICAS.put(s, fresh);
                        }
                        restarts.add(String.format("%s stop %d ms, start to ready %d ms", fresh.name(),
                                Duration.between(a, stopped).toMillis(), Duration.between(stopped, Instant.now()).toMillis()));
                        load.awaitSuccesses("figure", 10, Duration.ofSeconds(30));
                    }
                }
                load.awaitSuccesses("figure", 20, Duration.ofSeconds(30));
            } finally {
                load.stop();
            }
            List<Result> all = load.results();
            long refusedConnections = all.stream().mapToLong(Result::connectionsRefused).sum();
            Figures.record("rolling-restart", "6 restarts (task, meeting, indicator; replica 0 then 1) in %d s under load "
                            + "(%d figure threads + 1 meeting flow, client-side balancing over 2 replicas): %s; requests %d, "
                            + "statuses %s, connection attempts refused and retried on the other replica %d, latency p50=%d ms "
                            + "p99=%d ms max=%d ms",
                    Duration.between(t0, Instant.now()).toSeconds(), FIGURE_THREADS, restarts, all.size(),
                    Traffic.statuses(all), refusedConnections, Traffic.percentile(all, 50), Traffic.percentile(all, 99),
                    Traffic.percentile(all, 100));
            assertThat(all).as("only successes or retryable 503s: %s",
                    all.stream().filter(r -> !r.ok() && r.status() != 503).limit(5).toList())
                    .allMatch(r -> r.ok() || r.status() == 503);
            load.settle("rolling-restart");
        }
        for (Service s : Service.values()) {
            assertThat(ServiceProcesses.ready(p.running(s, 0))).isTrue();
            assertThat(ServiceProcesses.ready(p.running(s, 1))).isTrue();
        }
    }
}
