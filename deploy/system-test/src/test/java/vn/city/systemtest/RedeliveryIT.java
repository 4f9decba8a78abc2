package vn.city.systemtest;

import org.junit.jupiter.api.Test;
import vn.city.common.testing.TopicWriter;
import vn.city.systemtest.ServiceProcesses.Service;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every event the services ever published in this run is published again, as a broker or a relay retrying would:
 * no consumer changes anything (no new tasks, no read-model change, no new inbox rows).
 */
class RedeliveryIT {

    /** What each consumer's effects look like: counts and a digest of the read models' content. */
    static final Map<String, Map.Entry<Service, String>> EFFECTS = new LinkedHashMap<>();

    static {
        EFFECTS.put("task-service inbox", Map.entry(Service.TASK, "select count(*)::text from inbox_event"));
        EFFECTS.put("tasks", Map.entry(Service.TASK, "select count(*) || ':' || coalesce(md5(string_agg(id::text || status"
                + " || coalesce(deadline::text, '') || title, ',' order by id)), '') from task"));
        EFFECTS.put("task progress", Map.entry(Service.TASK, "select count(*)::text from task_progress"));
        EFFECTS.put("task units", Map.entry(Service.TASK, "select count(*)::text from org_unit"));
        EFFECTS.put("task-service events produced (but overdue notices)", Map.entry(Service.TASK,
                "select count(*)::text from outbox_event where type <> 'city.task.task-overdue.v1'"));
        EFFECTS.put("meeting-service inbox", Map.entry(Service.MEETING, "select count(*)::text from inbox_event"));
        EFFECTS.put("task read model", Map.entry(Service.MEETING, "select count(*) || ':' || coalesce(md5(string_agg("
                + "task_id::text || status || overdue || coalesce(completed_at::text, ''), ',' order by task_id)), '') from task_view"));
        EFFECTS.put("figure read model", Map.entry(Service.MEETING, "select count(*) || ':' || coalesce(md5(string_agg("
                + "submission_id || coalesce(value::text, '') || received_at::text, ',' order by submission_id)), '') from figure_submission_view"));
        EFFECTS.put("unit read model", Map.entry(Service.MEETING, "select count(*)::text from unit_view"));
        EFFECTS.put("indicator read model", Map.entry(Service.MEETING, "select count(*)::text from indicator_view"));
        EFFECTS.put("target read model", Map.entry(Service.MEETING, "select count(*)::text from target_view"));
        EFFECTS.put("off-track read model", Map.entry(Service.MEETING, "select count(*)::text from off_track_view"));
        EFFECTS.put("agenda items", Map.entry(Service.MEETING, "select count(*)::text from agenda_item"));
    }

    @Test
    void redeliveredEventsChangeNothing() {
        ServiceProcesses.get();
        // some fresh history of every kind, so the test stands alone as well
        String code = "ST_REDELIVER_" + Steps.suffix();
        Steps.createIndicator(code, "Chỉ tiêu kiểm thử gửi lại sự kiện", "tấn", "FIN", List.of("CITY", "FIN"));
        Steps.setTarget(code, YearMonth.now().getYear(), "1000");
        for (int m = 1; m <= 5; m++) {
            Steps.submit("officer-fin", code, "FIN", YearMonth.of(2024, m).toString(), Integer.toString(10 * m), null);
        }
        List<Map<String, Object>> directives = List.of(
                Steps.directive("Gửi lại sự kiện 1", "FIN", LocalDate.now().plusDays(40), List.of(code)),
                Steps.directive("Gửi lại sự kiện 2", "ECO", LocalDate.now().plusDays(41), List.of()),
                Steps.directive("Gửi lại sự kiện 3", "FIN", LocalDate.now().plusDays(42), List.of()));
        UUID meeting = Steps.briefingWithDirectives("Họp kiểm thử gửi lại " + code, Steps.lastMonth(), directives);
        List<String> taskIds = await("three tasks").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> Db.strings(Service.TASK, "select id::text from task where source_meeting_id = ?", meeting.toString()),
                        l -> l.size() == 3);
        Steps.work("officer-fin", taskIds.stream().filter(id -> Db.count(Service.TASK,
                "select count(*) from task where id::text = ? and lead_unit = 'FIN'", id) == 1).findFirst().orElseThrow(), 40, false);
        await("meeting-service knows the tasks").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> Db.countAny(Service.MEETING, "select count(*) from task_view where task_id::text = any(?)", taskIds) == 3
                        && Db.countAny(Service.MEETING, "select count(*) from task_view where status = 'IN_PROGRESS'"
                        + " and task_id::text = any(?)", taskIds) == 1);
        awaitAllSentAndConsumed();

        Map<String, String> before = effects();
        Map<Service, Integer> redelivered = new LinkedHashMap<>();
        try (TopicWriter writer = new TopicWriter()) {
            for (Service s : Service.values()) {
                List<String[]> rows = rows(s);
                for (String[] r : rows) {
                    writer.send(s.stTopic(), r[0], r[1]);
                }
                redelivered.put(s, rows.size());
            }
        }
        awaitAllSentAndConsumed();
        Map<String, String> after = effects();
        assertThat(after).as("effects after redelivering %s", redelivered).isEqualTo(before);
        List<String> changed = new ArrayList<>();
        before.forEach((k, v) -> {
            if (!v.equals(after.get(k))) {
                changed.add(k);
            }
        });
        int total = redelivered.values().stream().mapToInt(Integer::intValue).sum();
        Figures.record("redelivery", "redelivered=%d (indicator-events %d, task-events %d, meeting-events %d) "
                        + "applied again: task-service 0, meeting-service 0; changed effects=%d %s",
                total, redelivered.get(Service.INDICATOR), redelivered.get(Service.TASK), redelivered.get(Service.MEETING),
                changed.size(), changed);
    }

    static List<String[]> rows(Service s) {
        List<String> keys = Db.strings(s, "select event_key from outbox_event where sent_at is not null order by seq");
        List<String> envelopes = Db.strings(s, "select envelope from outbox_event where sent_at is not null order by seq");
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < Math.min(keys.size(), envelopes.size()); i++) {
            out.add(new String[] {keys.get(i), envelopes.get(i)});
        }
        return out;
    }

    static void awaitAllSentAndConsumed() {
        for (Service s : Service.values()) {
            await(s.module + " outbox sent").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Db.count(s, "select count(*) from outbox_event where sent_at is null") == 0);
        }
        Kafka.awaitCaughtUp(Duration.ofSeconds(120), Service.TASK, Service.MEETING);
    }

    static Map<String, String> effects() {
        Map<String, String> out = new LinkedHashMap<>();
        EFFECTS.forEach((name, q) -> out.put(name, Db.strings(q.getKey(), q.getValue()).get(0)));
        return out;
    }
}
