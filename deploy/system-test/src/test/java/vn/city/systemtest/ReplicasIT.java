package vn.city.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.city.common.testing.TopicReader;
import vn.city.systemtest.ServiceProcesses.Instance;
import vn.city.systemtest.ServiceProcesses.Service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of each service at once (the second on ports 3008x/3108x, same database, same consumer group):
 * relays, consumers and the overdue job must not duplicate events, tasks or overdue notices.
 */
class ReplicasIT {

    static final int FIGURES = 100;
    static final int DIRECTIVES = 20;
    static final int PAST_DUE = 10;
    static final Map<Service, Instance> REPLICAS = new EnumMap<>(Service.class);
    static Duration replicaStart;

    @BeforeAll
    static void replicas() {
        ServiceProcesses p = ServiceProcesses.get();
        Instant t0 = Instant.now();
        List<CompletableFuture<Instance>> starts = new ArrayList<>();
        for (Service s : Service.values()) {
            starts.add(CompletableFuture.supplyAsync(() -> p.start(s, 1)));
        }
        starts.forEach(f -> {
            Instance i = f.join();
            REPLICAS.put(i.service, i);
        });
        replicaStart = Duration.between(t0, Instant.now());
    }

    @AfterAll
    static void stopReplicas() {
        ServiceProcesses p = ServiceProcesses.get();
        REPLICAS.values().forEach(p::stop);
        REPLICAS.clear();
    }

    @Test
    void twoReplicasOfEachServiceDuplicateNothing() {
        ServiceProcesses p = ServiceProcesses.get();
        Instance[] indicators = {p.base(Service.INDICATOR), REPLICAS.get(Service.INDICATOR)};
        String code = "ST_REPLICA_" + Steps.suffix();
        Steps.createIndicator(code, "Chỉ tiêu kiểm thử hai bản sao", "tấn", "FIN", List.of("FIN"));

        try (TopicReader indicatorEvents = new TopicReader(Service.INDICATOR.stTopic());
             TopicReader taskEvents = new TopicReader(Service.TASK.stTopic());
             TopicReader meetingEvents = new TopicReader(Service.MEETING.stTopic())) {
            // figures through both indicator replicas: both relays run, one publishes at a time
            for (int i = 0; i < FIGURES; i++) {
                Instance target = indicators[i % 2];
                Api.expect(Api.as("officer-fin", target).body(Map.of("indicatorCode", code, "unitCode", "FIN",
                        "period", YearMonth.of(2001, 1).plusMonths(i).toString(), "version", "ESTIMATE", "value", i + 1))
                        .post("/api/figures"), 201);
            }
            List<JsonNode> figureEvents = indicatorEvents.awaitCount(e -> figureOf(e, code),
                    FIGURES, Duration.ofSeconds(60));
            List<String> figureIds = ids(figureEvents);

            // a conclusion through the meeting replica; both task replicas consume in one group
            LocalDate today = LocalDate.now();
            List<Map<String, Object>> directives = new ArrayList<>();
            for (int i = 0; i < DIRECTIVES; i++) {
                LocalDate deadline = i < PAST_DUE ? today.minusDays(2 + i) : today.plusDays(30 + i);
                directives.add(Steps.directive("Hai bản sao " + code + " #" + i, i % 2 == 0 ? "FIN" : "ECO", deadline, List.of()));
            }
            Instance meetingReplica = REPLICAS.get(Service.MEETING);
            Map<String, Object> schedule = new HashMap<>();
            schedule.put("type", "THEMATIC");
            schedule.put("title", "Họp chuyên đề hai bản sao " + code);
            schedule.put("period", Steps.lastMonth());
            schedule.put("startsAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(3).withNano(0).toString());
            schedule.put("chair", "Chủ tịch UBND thành phố");
            schedule.put("attendeeUnits", List.of("FIN", "ECO"));
            UUID meeting = UUID.fromString(Api.expect(Api.as("secretariat", meetingReplica).body(schedule)
                    .post("/api/meetings"), 201).path("id").asText());
            Api.expect(Api.as("secretariat", p.base(Service.MEETING)).post("/api/meetings/" + meeting + "/start"), 200);
            Api.expect(Api.as("leader", meetingReplica).body(Map.of("text", "Kết luận", "directives", directives))
                    .put("/api/meetings/" + meeting + "/conclusion"), 200);
            Api.expect(Api.as("leader", meetingReplica).post("/api/meetings/" + meeting + "/conclusion/publish"), 200);

            List<JsonNode> assigned = taskEvents.awaitCount(e -> "city.task.task-assigned.v1".equals(e.path("type").asText())
                    && meeting.toString().equals(e.path("data").path("task").path("source").path("meetingId").asText()),
                    DIRECTIVES, Duration.ofSeconds(90));
            Set<String> taskIds = new HashSet<>();
            assigned.forEach(e -> taskIds.add(e.path("subject").asText()));
            List<JsonNode> overdue = taskEvents.awaitCount(e -> "city.task.task-overdue.v1".equals(e.path("type").asText())
                    && taskIds.contains(e.path("subject").asText()), PAST_DUE, Duration.ofSeconds(90));
            // both overdue jobs run every 3 s: a quiet period of several runs must bring no second notice
            List<JsonNode> overdueAfter = taskEvents.drain(e -> "city.task.task-overdue.v1".equals(e.path("type").asText())
                    && taskIds.contains(e.path("subject").asText()), Duration.ofSeconds(12));
            List<JsonNode> assignedAfter = taskEvents.drain(e -> "city.task.task-assigned.v1".equals(e.path("type").asText())
                    && taskIds.contains(e.path("subject").asText()), Duration.ZERO);
            List<JsonNode> figuresAfter = indicatorEvents.drain(e -> figureOf(e, code),
                    Duration.ofSeconds(1));
            List<JsonNode> concluded = meetingEvents.drain(e -> "city.meeting.meeting-concluded.v1".equals(e.path("type").asText())
                    && meeting.toString().equals(e.path("subject").asText()), Duration.ofSeconds(1));

            long tasks = Db.count(Service.TASK, "select count(*) from task where source_meeting_id = ?", meeting.toString());
            long notices = Db.countAny(Service.TASK, "select count(*) from task_overdue_notice where task_id::text = any(?)", taskIds);
            assertThat(figuresAfter).as("figure events on the topic").hasSize(FIGURES);
            assertThat(new HashSet<>(ids(figuresAfter))).hasSize(FIGURES).containsAll(figureIds);
            assertThat(concluded).as("meeting-concluded on the topic").hasSize(1);
            assertThat(tasks).as("tasks").isEqualTo(DIRECTIVES);
            assertThat(assignedAfter).as("task-assigned on the topic").hasSize(DIRECTIVES);
            assertThat(overdueAfter).as("task-overdue on the topic").hasSize(PAST_DUE);
            assertThat(new HashSet<>(ids(overdueAfter))).hasSize(PAST_DUE);
            Set<String> overdueTasks = new HashSet<>();
            overdueAfter.forEach(e -> overdueTasks.add(e.path("subject").asText()));
            assertThat(overdueTasks).hasSize(PAST_DUE);
            assertThat(notices).isEqualTo(PAST_DUE);

            // both meeting-service replicas consume in one group: each event applied once
            List<String> assignedIds = ids(assignedAfter);
            await("meeting-service applied the figures and tasks").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Db.countAny(Service.MEETING, "select count(*) from inbox_event where event_id = any(?)", figureIds) == FIGURES
                            && Db.countAny(Service.MEETING, "select count(*) from inbox_event where event_id = any(?)", assignedIds) == DIRECTIVES);
            Kafka.awaitCaughtUp(Duration.ofSeconds(60), Service.TASK, Service.MEETING);
            long figureRows = Db.count(Service.MEETING, "select count(*) from figure_submission_view where indicator_code = ?", code);
            long taskRows = Db.countAny(Service.MEETING, "select count(*) from task_view where task_id::text = any(?)", taskIds);
            assertThat(figureRows).isEqualTo(FIGURES);
            assertThat(taskRows).isEqualTo(DIRECTIVES);
            Figures.record("replicas", "2 of each (replicas ready in %d s); figures produced=%d published=%d distinct=%d "
                            + "applied(meeting-service)=%d; conclusion events=%d tasks=%d task-assigned=%d applied(meeting-service)=%d; "
                            + "overdue tasks=%d notices=%d task-overdue events=%d (after a 12 s quiet period)",
                    replicaStart.toSeconds(), FIGURES, figuresAfter.size(), new HashSet<>(ids(figuresAfter)).size(), figureRows,
                    concluded.size(), tasks, assignedAfter.size(), taskRows, PAST_DUE, notices, overdueAfter.size());
            assertThat(overdue).hasSizeGreaterThanOrEqualTo(PAST_DUE);
        }
        REPLICAS.values().forEach(r -> assertThat(ServiceProcesses.ready(r)).as(r.name() + " ready").isTrue());
    }

    static List<String> ids(List<JsonNode> events) {
        List<String> out = new ArrayList<>();
        events.forEach(e -> out.add(e.path("id").asText()));
        return out;
    }

    /** A figure-submitted event of this test's indicator (city-result-changed events share the subject prefix). */
    static boolean figureOf(JsonNode e, String code) {
        return e.path("subject").asText().startsWith(code + "/")
                && "city.indicator.figure-submitted.v1".equals(e.path("type").asText());
    }
}
