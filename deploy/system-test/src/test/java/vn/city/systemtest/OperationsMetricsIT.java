package vn.city.systemtest;

import org.junit.jupiter.api.Test;
import vn.city.common.testing.TopicWriter;
import vn.city.systemtest.ServiceProcesses.Instance;
import vn.city.systemtest.ServiceProcesses.Service;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operations metrics of issue 16, read from the packaged services' management ports after a submission (and a
 * refusal), a dead-lettered event and an overdue task: figures submitted/refused, events dead-lettered by reason,
 * tasks overdue by unit, outbox backlog, consumer lag per group, and route-template labels on 401s.
 */
class OperationsMetricsIT {

    @Test
    void metricsShowASubmissionADeadLetteredEventAndAnOverdueTask() throws Exception {
        ServiceProcesses processes = ServiceProcesses.get();
        Instance indicator = processes.base(Service.INDICATOR);
        Instance task = processes.base(Service.TASK);
        Instance meeting = processes.base(Service.MEETING);

        // a submission, and a refused one (unknown indicator)
        String code = "ST_METRICS_" + Steps.suffix();
        Steps.createIndicator(code, "Chỉ tiêu kiểm thử số đo vận hành", "tấn", "FIN", List.of("FIN"));
        double submitted = Metrics.sum(indicator, "city_figures_submitted_total", Map.of("channel", "API"));
        double refused = Metrics.sum(indicator, "city_figures_refused_total", Map.of());
        Steps.submit("officer-fin", code, "FIN", Steps.lastMonth(), "12", null);
        int refusal = Api.as("officer-fin", indicator).body(Map.of("indicatorCode", "NO_SUCH_" + code, "unitCode", "FIN",
                "period", Steps.lastMonth(), "version", "ESTIMATE", "value", 1)).post("/api/figures").statusCode();
        assertThat(refusal).as("an unknown indicator is refused").isBetween(400, 499);
        assertThat(Metrics.sum(indicator, "city_figures_submitted_total", Map.of("channel", "API"))).isEqualTo(submitted + 1);
        assertThat(Metrics.sum(indicator, "city_figures_refused_total", Map.of())).isGreaterThan(refused);
        await("the indicator outbox drained").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Metrics.sum(indicator, "city_outbox_pending", Map.of()) == 0
                        && Metrics.sum(indicator, "city_outbox_oldest_pending_age_seconds", Map.of()) == 0);
        assertThat(Metrics.sum(indicator, "city_outbox_published_total", Map.of())).isPositive();

        // a dead-lettered event: a message that is not JSON on indicator-events reaches both consumers' DLQs
        double taskDead = Metrics.sum(task, "city_events_dead_lettered_total", Map.of("consumer", "task-service", "reason", "not-json"));
        double meetingDead = Metrics.sum(meeting, "city_events_dead_lettered_total", Map.of("consumer", "meeting-service", "reason", "not-json"));
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(StackConfig.TOPIC_PREFIX + "indicator-events", "metrics-poison-" + UUID.randomUUID(), "{{ không phải JSON");
        }
        await("task-service counts the dead letter").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Metrics.sum(task, "city_events_dead_lettered_total",
                        Map.of("consumer", "task-service", "reason", "not-json")) >= taskDead + 1);
        await("meeting-service counts the dead letter").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Metrics.sum(meeting, "city_events_dead_lettered_total",
                        Map.of("consumer", "meeting-service", "reason", "not-json")) >= meetingDead + 1);

        // an overdue task: a directive whose deadline has passed, for ward Sông Cầu
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1);
        double overdue = Metrics.sum(task, "city_tasks_overdue", Map.of("unit", "W-SONGCAU"));
        UUID briefing = Steps.briefingWithDirectives("Giao ban kiểm thử số đo " + code, Steps.lastMonth(), List.of(
                Steps.directive("Khắc phục điểm ngập úng " + code, "W-SONGCAU", yesterday, List.of())));
        await("task-service created the task of the directive").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> Api.json(Api.as("leader", task).queryParam("meetingId", briefing.toString()).get("/api/tasks")),
                        t -> t.isArray() && t.size() == 1);
        await("task-service counts the overdue task of W-SONGCAU").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Metrics.sum(task, "city_tasks_overdue", Map.of("unit", "W-SONGCAU")) >= overdue + 1);

        // the report due this month: units missing and its deadline (refreshed 20 s after start, then every 5 min)
        await("reporting gauges").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Metrics.exists(indicator, "city_reporting_units_missing", Map.of())
                        && Metrics.sum(indicator, "city_reporting_deadline_timestamp_seconds", Map.of()) > 0);

        // consumer lag per group, from each consumer
        await("consumer lag gauges").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Metrics.exists(task, "city_consumer_lag_records", Map.of("group", Service.TASK.group()))
                        && Metrics.exists(meeting, "city_consumer_lag_records", Map.of("group", Service.MEETING.group())));

        // a 401 on a path with an id is labelled with a template, never with the id
        String id = UUID.randomUUID().toString();
        Api.expect(io.restassured.RestAssured.given().baseUri(task.baseUri()).get("/api/tasks/" + id), 401);
        String text = Metrics.text(task);
        assertThat(text).as("no raw path in the HTTP metrics").doesNotContain(id);
        assertThat(Metrics.samples(task).stream().filter(x -> x.name().equals("http_server_requests_seconds_count")
                        && "401".equals(x.labels().get("status")) && x.labels().getOrDefault("uri", "").startsWith("/api/tasks"))
                .map(x -> x.labels().get("uri")).toList())
                .as("401s on /api/tasks/<id> are counted under a template").isNotEmpty()
                .allMatch(uri -> uri.contains("{") || uri.endsWith("/**") || uri.equals("/api/tasks"));
        assertThat(Metrics.exists(task, "http_server_requests_seconds_bucket", Map.of())).as("latency histogram for the p99 alert").isTrue();

        Figures.record("operations-metrics", "indicator: city_figures_submitted_total{channel=API} %s -> %s, "
                        + "city_figures_refused_total %s -> %s; task-service: city_events_dead_lettered_total{reason=not-json} %s -> %s, "
                        + "city_tasks_overdue{unit=W-SONGCAU} %s -> %s",
                submitted, Metrics.sum(indicator, "city_figures_submitted_total", Map.of("channel", "API")),
                refused, Metrics.sum(indicator, "city_figures_refused_total", Map.of()),
                taskDead, Metrics.sum(task, "city_events_dead_lettered_total", Map.of("consumer", "task-service", "reason", "not-json")),
                overdue, Metrics.sum(task, "city_tasks_overdue", Map.of("unit", "W-SONGCAU")));
    }
}
