package vn.city.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.city.common.testing.TopicReader;
import vn.city.systemtest.ServiceProcesses.Instance;
import vn.city.systemtest.ServiceProcesses.Service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 of the task-service while it consumes a conclusion with 50 directives; after a restart there are exactly
 * 50 tasks, each announced once, and the meeting-service read model has each once.
 */
class KillDuringConsumeIT {

    static final int DIRECTIVES = 50;
    static final List<String> UNITS = List.of("FIN", "ECO", "ENV", "URB", "CUL", "LAB", "W-SONGCAU", "W-DUCXUAN");

    /** When the kill -9 lands. */
    enum KillAt { CONCLUSION_ON_TOPIC, FIRST_TASK_STORED }

    @Test
    void killNineWhenTheConclusionReachesTheTopicGivesExactlyFiftyTasks() {
        killDuringConsumption(KillAt.CONCLUSION_ON_TOPIC);
    }

    @Test
    void killNineOnceTheFirstTaskIsStoredGivesExactlyFiftyTasks() {
        killDuringConsumption(KillAt.FIRST_TASK_STORED);
    }

    void killDuringConsumption(KillAt at) {
        ServiceProcesses processes = ServiceProcesses.get();
        Instance task = processes.base(Service.TASK);
        String s = Steps.suffix();
        List<Map<String, Object>> directives = new ArrayList<>();
        for (int i = 0; i < DIRECTIVES; i++) {
            directives.add(Steps.directive("Nhiệm vụ " + (i + 1) + " – kill -9 " + s, UNITS.get(i % UNITS.size()),
                    LocalDate.now().plusDays(30 + i), List.of()));
        }
        UUID meeting = Steps.schedule("Họp chuyên đề kill -9 " + s, Steps.lastMonth(),
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(10).withNano(0));

        long tasksAtKill;
        Instant killedAt;
        try (TopicReader meetingEvents = new TopicReader(Service.MEETING.stTopic())) {
            Steps.conclude(meeting, directives);
            if (at == KillAt.CONCLUSION_ON_TOPIC) {
                // the moment the conclusion is on the topic the task-service is consuming it
                meetingEvents.await(e -> "city.meeting.meeting-concluded.v1".equals(e.path("type").asText())
                        && meeting.toString().equals(e.path("subject").asText()), Duration.ofSeconds(60));
            } else {
                // the tasks are committed, the Kafka offset most likely not yet: the restart gets the event again
                await("the first task stored").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                        .until(() -> Db.count(Service.TASK, "select count(*) from task where source_meeting_id = ?",
                                meeting.toString()) > 0);
            }
            processes.killHard(task);
            killedAt = Instant.now();
            tasksAtKill = Db.count(Service.TASK, "select count(*) from task where source_meeting_id = ?", meeting.toString());
        }
        assertThat(task.alive()).isFalse();
        Instant restartAt = Instant.now();
        Instance restarted = processes.restart(task);
        Duration restartTook = Duration.between(restartAt, Instant.now());

        JsonNode tasks = await("exactly " + DIRECTIVES + " tasks after the restart").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Api.json(Api.as("leader", restarted).queryParam("meetingId", meeting.toString()).get("/api/tasks")),
                        t -> t.isArray() && t.size() >= DIRECTIVES);
        Kafka.awaitCaughtUp(Duration.ofSeconds(90), Service.TASK);
        long rows = Db.count(Service.TASK, "select count(*) from task where source_meeting_id = ?", meeting.toString());
        JsonNode again = Api.json(Api.as("leader", restarted).queryParam("meetingId", meeting.toString()).get("/api/tasks"));
        assertThat(tasks.size()).isEqualTo(DIRECTIVES);
        assertThat(again.size()).isEqualTo(DIRECTIVES);
        assertThat(rows).isEqualTo(DIRECTIVES);
        long distinctDirectives = Db.count(Service.TASK, "select count(distinct source_directive_id) from task where source_meeting_id = ?",
                meeting.toString());
        assertThat(distinctDirectives).isEqualTo(DIRECTIVES);

        List<String> taskIds = Db.strings(Service.TASK, "select id::text from task where source_meeting_id = ?", meeting.toString());
        long assigned = Db.countAny(Service.TASK, "select count(*) from outbox_event where type = 'city.task.task-assigned.v1'"
                + " and event_key = any(?)", taskIds);
        assertThat(assigned).as("task-assigned events produced").isEqualTo(DIRECTIVES);
        await("meeting-service has each task once").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> Db.countAny(Service.MEETING, "select count(*) from task_view where task_id::text = any(?)", taskIds)
                        == DIRECTIVES);
        List<String> assignedIds = Db.strings(Service.TASK, "select id::text from outbox_event where type = 'city.task.task-assigned.v1'"
                + " and event_key in (select id::text from task where source_meeting_id = ?)", meeting.toString());
        await("meeting-service applied each task-assigned once").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Db.countAny(Service.MEETING, "select count(*) from inbox_event where consumer = 'meeting-service'"
                        + " and event_id = any(?)", assignedIds) == DIRECTIVES);
        String concludedId = Db.strings(Service.MEETING, "select id::text from outbox_event where"
                + " type = 'city.meeting.meeting-concluded.v1' and event_key = ?", meeting.toString()).get(0);
        long conclusionApplied = Db.count(Service.TASK, "select count(*) from inbox_event where consumer = 'task-service'"
                + " and event_id = ?", concludedId);
        assertThat(conclusionApplied).as("the conclusion applied once").isEqualTo(1);
        Figures.record("kill-9", "killAt=%s directives=%d tasksAtKill=%d restart=%d s tasks=%d "
                        + "produced(task-assigned outbox)=%d applied(meeting-service inbox)=%d readModel(meeting-service)=%d",
                at, DIRECTIVES, tasksAtKill, restartTook.toSeconds(), rows, assigned,
                Db.countAny(Service.MEETING, "select count(*) from inbox_event where consumer = 'meeting-service' and event_id = any(?)",
                        assignedIds),
                Db.countAny(Service.MEETING, "select count(*) from task_view where task_id::text = any(?)", taskIds));
        assertThat(killedAt).isNotNull();
    }
}
