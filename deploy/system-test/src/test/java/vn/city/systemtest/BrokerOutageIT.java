package vn.city.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.city.common.testing.Tokens;
import vn.city.common.testing.TopicReader;
import vn.city.systemtest.ServiceProcesses.Instance;
import vn.city.systemtest.ServiceProcesses.Service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka broker stops answering for 60 s while 500 figures are submitted: every one is accepted and stored
 * (transactional outbox), and once the broker is back every event reaches the topic and is applied exactly once by
 * each consumer (meeting-service's read model, task-service's inbox).
 */
class BrokerOutageIT {

    static final int FIGURES = 500;
    static final Duration OUTAGE = Duration.ofSeconds(60);
    static Instance indicator;

    @BeforeAll
    static void services() {
        indicator = ServiceProcesses.get().base(Service.INDICATOR);
    }

    @Test
    void fiveHundredFiguresDuringASixtySecondOutageAreAllPublishedAndAppliedOnce() throws Exception {
        String code = "ST_OUTAGE_" + Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
        Steps.createIndicator(code, "Chỉ tiêu kiểm thử mất kết nối Kafka", "tấn", "FIN", List.of("FIN"));
        // the consumers know the indicator before the outage, so only the figures are in flight
        String token = rptOrToken("officer-fin", "indicator-service");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        Map<String, String> responses = new HashMap<>();
        List<Integer> statuses = new ArrayList<>();
        Instant pausedAt;
        Instant resumedAt;
        Duration submitTime;
        try (TopicReader topic = new TopicReader(Service.INDICATOR.stTopic())) {
            LocalBroker.pause();
            pausedAt = Instant.now();
            try {
                ExecutorService pool = Executors.newFixedThreadPool(6);
                try {
                    List<Future<HttpResponse<String>>> calls = new ArrayList<>();
                    for (int i = 0; i < FIGURES; i++) {
                        String period = YearMonth.of(2000, 1).plusMonths(i % 250).toString();
                        String body = "{\"indicatorCode\":\"" + code + "\",\"unitCode\":\"FIN\",\"period\":\"" + period
                                + "\",\"version\":\"" + (i < 250 ? "ESTIMATE" : "OFFICIAL") + "\",\"value\":" + (100 + i)
                                + ",\"note\":\"Kafka ngừng hoạt động: số liệu " + i + "\"}";
                        calls.add(pool.submit(() -> http.send(HttpRequest.newBuilder(
                                        URI.create(indicator.baseUri() + "/api/figures"))
                                .timeout(Duration.ofSeconds(60))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString())));
                    }
                    for (Future<HttpResponse<String>> f : calls) {
                        HttpResponse<String> r = f.get();
                        statuses.add(r.statusCode());
                        if (r.statusCode() != 201) {
                            responses.put("failed-" + statuses.size(), r.statusCode() + " " + r.body());
                        }
                    }
                } finally {
                    pool.shutdownNow();
                }
                submitTime = Duration.between(pausedAt, Instant.now());
                // all accepted and stored while the broker is still away
                assertThat(statuses).as("answers during the outage: %s", responses.values().stream().limit(3).toList()).allMatch(s -> s == 201);
                assertThat(Db.count(Service.INDICATOR, "select count(*) from figure_submission where indicator_code = ?", code))
                        .isEqualTo(FIGURES);
                long unsentDuringOutage = Db.count(Service.INDICATOR, "select count(*) from outbox_event where sent_at is null"
                        + " and type = 'city.indicator.figure-submitted.v1' and event_key like ?", code + "/%");
                Figures.record("broker-outage", "submitted %d figures in %d ms with the broker stopped; %d events waiting in the outbox",
                        FIGURES, submitTime.toMillis(), unsentDuringOutage);
                // the outage lasts the full minute the issue asks for: wait on the clock, not a sleep
                await("the broker has been away for " + OUTAGE.toSeconds() + " s").atMost(OUTAGE.plusSeconds(10))
                        .pollInterval(Duration.ofMillis(250)).until(() -> !Instant.now().isBefore(pausedAt.plus(OUTAGE)));
            } finally {
                LocalBroker.resume();
                resumedAt = Instant.now();
            }

            List<String> eventIds = Db.strings(Service.INDICATOR, "select id::text from outbox_event where"
                    + " type = 'city.indicator.figure-submitted.v1' and event_key like ?", code + "/%");
            assertThat(eventIds).as("events produced (outbox rows)").hasSize(FIGURES);
            await("the relay published every event after the broker came back").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> Db.count(Service.INDICATOR, "select count(*) from outbox_event where sent_at is null"
                            + " and event_key like ?", code + "/%") == 0);
            Duration publishedAfter = Duration.between(resumedAt, Instant.now());
            // at-least-once: a batch sent while the broker hung may be sent again, so wait for every id, not a count
            java.util.function.Predicate<JsonNode> ours = e -> e.path("subject").asText().startsWith(code + "/")
                    && e.path("type").asText().equals("city.indicator.figure-submitted.v1");
            Set<String> distinct = new HashSet<>();
            List<JsonNode> onTopic = new ArrayList<>();
            await("every event on the topic").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        onTopic.clear();
                        onTopic.addAll(topic.drain(ours, Duration.ofMillis(300)));
                        distinct.clear();
                        onTopic.forEach(e -> distinct.add(e.path("id").asText()));
                        return distinct.containsAll(eventIds);
                    });
            assertThat(distinct).containsExactlyInAnyOrderElementsOf(eventIds);

            await("meeting-service applied every figure").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Db.countAny(Service.MEETING, "select count(*) from inbox_event where consumer = 'meeting-service'"
                            + " and event_id = any(?)", eventIds) == FIGURES);
            // task-service keeps nothing of a figure: it consumed them all when its group has caught up
            Kafka.awaitCaughtUp(Duration.ofSeconds(180), Service.MEETING, Service.TASK);
            long appliedMeeting = Db.countAny(Service.MEETING, "select count(*) from inbox_event where consumer = 'meeting-service'"
                    + " and event_id = any(?)", eventIds);
            long readModel = Db.count(Service.MEETING, "select count(*) from figure_submission_view where indicator_code = ?", code);
            assertThat(appliedMeeting).isEqualTo(FIGURES);
            assertThat(readModel).as("meeting-service figure read model rows").isEqualTo(FIGURES);
            Figures.record("broker-outage", "outage=%d s accepted=%d stored=%d produced(outbox)=%d published(topic records)=%d "
                            + "distinct=%d applied(meeting-service inbox)=%d readModel(meeting-service)=%d task-service caught up "
                            + "allPublished %d s after the broker returned",
                    Duration.between(pausedAt, resumedAt).toSeconds(), statuses.stream().filter(s -> s == 201).count(),
                    FIGURES, eventIds.size(), onTopic.size(), distinct.size(), appliedMeeting, readModel,
                    publishedAfter.toSeconds());
        }
        for (Service s : Service.values()) {
            assertThat(ServiceProcesses.ready(ServiceProcesses.get().base(s))).as(s.module + " ready").isTrue();
        }
    }

    static String rptOrToken(String user, String client) {
        try {
            return Tokens.rpt(user, client);
        } catch (RuntimeException e) {
            return Tokens.of(user);
        }
    }
}
