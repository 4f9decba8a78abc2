package vn.city.systemtest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.city.common.testing.Tokens;
import vn.city.common.testing.TopicReader;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
        String code = "ST_ROLL_" + Steps.suffix();
        String titlePrefix = "Khởi động lại " + code + " #";
        Steps.createIndicator(code, "Chỉ tiêu kiểm thử khởi động lại lần lượt", "tấn", "FIN", List.of("FIN"));
        String officer = Tokens.rpt("officer-fin", "indicator-service");
        String secretariat = Tokens.rpt("secretariat", "meeting-service");
        String leader = Tokens.rpt("leader", "meeting-service");
        // the load balancer's view: the replicas' addresses (ports) stay the same across restarts
        List<Instance> indicators = new CopyOnWriteArrayList<>(List.of(p.base(Service.INDICATOR), REPLICAS.get(Service.INDICATOR)));
        List<Instance> meetings = new CopyOnWriteArrayList<>(List.of(p.base(Service.MEETING), REPLICAS.get(Service.MEETING)));
        Traffic traffic = new Traffic();
        AtomicInteger figureNo = new AtomicInteger();
        AtomicInteger meetingNo = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        List<String> restarts = new ArrayList<>();
        Instant t0 = Instant.now();

        try (TopicReader taskDlq = new TopicReader(Service.TASK.dlq());
             TopicReader meetingDlq = new TopicReader(Service.MEETING.dlq())) {
            Thread[] figures = Traffic.loop("figures", FIGURE_THREADS, stop::get, () -> {
                int i = figureNo.getAndIncrement();
                String body = "{\"indicatorCode\":\"" + code + "\",\"unitCode\":\"FIN\",\"period\":\""
                        + Ledger.period(i) + "\",\"version\":\"" + Ledger.version(i) + "\",\"value\":" + (i + 1)
                        + ",\"note\":\"rolling #" + i + "\"}";
                Result r = traffic.call("figure", "#" + i, indicators, "POST", "/api/figures", officer, body);
                Traffic.sleep(r.ok() ? 50 : 200);
            });
            Thread[] flows = Traffic.loop("meetings", 1, stop::get, () -> DatabaseOutageIT.meetingToConclusion(traffic,
                    meetings, titlePrefix + meetingNo.getAndIncrement(), secretariat, leader));
            traffic.awaitSuccesses("figure", 20, Duration.ofSeconds(30));
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
                        traffic.awaitSuccesses("figure", 10, Duration.ofSeconds(30));
                    }
                }
                traffic.awaitSuccesses("figure", 20, Duration.ofSeconds(30));
            } finally {
                stop.set(true);
                Traffic.join(figures);
                Traffic.join(flows);
            }
            List<Result> all = traffic.results();
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
            Ledger.settle("rolling-restart", all, code, titlePrefix, taskDlq, meetingDlq);
        }
        for (Service s : Service.values()) {
            assertThat(ServiceProcesses.ready(p.running(s, 0))).isTrue();
            assertThat(ServiceProcesses.ready(p.running(s, 1))).isTrue();
        }
    }
}
