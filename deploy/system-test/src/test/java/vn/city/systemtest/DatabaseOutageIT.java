package vn.city.systemtest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.city.common.testing.Tokens;
import vn.city.common.testing.TopicReader;
import vn.city.systemtest.ServiceProcesses.Instance;
import vn.city.systemtest.ServiceProcesses.Service;
import vn.city.systemtest.Traffic.Result;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

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
    static final int DIRECTIVES = 2;

    @Test
    void databaseAwayUnderLoadAnswers503FastLosesNothingAndHalfAppliesNothing() {
        ServiceProcesses p = ServiceProcesses.get();
        Instance indicator = p.base(Service.INDICATOR);
        Instance meeting = p.base(Service.MEETING);
        String code = "ST_PG_" + Steps.suffix();
        String titlePrefix = "Mất CSDL " + code + " #";
        Steps.createIndicator(code, "Chỉ tiêu kiểm thử mất cơ sở dữ liệu", "tấn", "FIN", List.of("FIN"));
        String officer = Tokens.rpt("officer-fin", "indicator-service");
        String secretariat = Tokens.rpt("secretariat", "meeting-service");
        String leader = Tokens.rpt("leader", "meeting-service");
        Traffic traffic = new Traffic();
        AtomicInteger figureNo = new AtomicInteger();
        AtomicInteger meetingNo = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Instant cutAt;
        Instant restoredAt;

        try (TopicReader taskDlq = new TopicReader(Service.TASK.dlq());
             TopicReader meetingDlq = new TopicReader(Service.MEETING.dlq())) {
            Thread[] figures = Traffic.loop("figures", FIGURE_THREADS, stop::get, () -> {
                int i = figureNo.getAndIncrement();
                String body = "{\"indicatorCode\":\"" + code + "\",\"unitCode\":\"FIN\",\"period\":\""
                        + Ledger.period(i) + "\",\"version\":\"" + Ledger.version(i) + "\",\"value\":" + (i + 1)
                        + ",\"note\":\"pg-outage #" + i + "\"}";
                Result r = traffic.call("figure", "#" + i, List.of(indicator), "POST", "/api/figures", officer, body);
                if (!r.ok()) {
                    Traffic.sleep(100); // a client backs off before trying the next one
                }
            });
            Thread[] meetings = Traffic.loop("meetings", 1, stop::get, () -> meetingToConclusion(traffic, List.of(meeting),
                    titlePrefix + meetingNo.getAndIncrement(), secretariat, leader));

            traffic.awaitSuccesses("figure", 20, BEFORE_AT_MOST);
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
            traffic.awaitSuccesses("figure", 30, AFTER_AT_MOST);
            stop.set(true);
            Traffic.join(figures);
            Traffic.join(meetings);

            for (Service s : Service.values()) {
                Instance i = p.base(s);
                await(s.module + " ready again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> ServiceProcesses.ready(i));
            }
            Duration readyAgain = Duration.between(restoredAt, Instant.now());

            List<Result> all = traffic.results();
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
            Ledger.settle("database-outage", all, code, titlePrefix, taskDlq, meetingDlq);
        }
    }

    /** schedule → start → conclusion → publish as the secretariat and the chair; stops at the first refusal. */
    static void meetingToConclusion(Traffic traffic, List<Instance> meeting, String title, String secretariat, String leader) {
        String schedule = "{\"type\":\"THEMATIC\",\"title\":\"" + title + "\",\"period\":\"" + Steps.lastMonth()
                + "\",\"startsAt\":\"" + java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(5).withNano(0)
                + "\",\"chair\":\"Chủ tịch UBND thành phố\",\"attendeeUnits\":[\"FIN\",\"ECO\"]}";
        Result created = traffic.call("schedule", title, meeting, "POST", "/api/meetings", secretariat, schedule);
        if (!created.ok()) {
            Traffic.sleep(200);
            return;
        }
        String id = read(created.body()).path("id").asText();
        if (!traffic.call("start", id, meeting, "POST", "/api/meetings/" + id + "/start", secretariat, null).ok()) {
            return;
        }
        StringBuilder directives = new StringBuilder();
        for (int d = 0; d < DIRECTIVES; d++) {
            directives.append(d == 0 ? "" : ",").append(Api.write(Steps.directive(title + " chỉ đạo " + d,
                    d % 2 == 0 ? "FIN" : "ECO", java.time.LocalDate.now().plusDays(30), List.of())));
        }
        String conclusion = "{\"text\":\"Kết luận\",\"directives\":[" + directives + "]}";
        if (!traffic.call("conclusion", id, meeting, "PUT", "/api/meetings/" + id + "/conclusion", leader,
                conclusion).ok()) {
            return;
        }
        traffic.call("publish", id, meeting, "POST", "/api/meetings/" + id + "/conclusion/publish", leader, null);
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String body) {
        try {
            return Api.JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
