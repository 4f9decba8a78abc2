package vn.city.task.conclusion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.city.common.testing.TopicReader;
import vn.city.common.testing.TopicWriter;
import vn.city.common.testing.AsyncApiContract;
import vn.city.task.support.Fixtures;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.city.common.testing.Api.as;
import static vn.city.task.support.Fixtures.directive;

/** A published conclusion, delivered through the real broker, becomes one task per directive, and only one. */
@QuarkusTest
class ConclusionTasksTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void units() {
        Fixtures.units(db, "FIN", "ECO", "ENV", "C-NONGTHUONG", "C-DUONGQUANG", "W-SONGCAU");
    }

    @Test
    void threeDirectivesThreeTasksDeliveredTwiceStillThreeThenACorrection() {
        String meetingId = UUID.randomUUID().toString();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        String d = UUID.randomUUID().toString();
        ObjectNode dirA = directive(a, "Vệ sinh môi trường, tạo cảnh quan xanh, sạch, đẹp", "ENV",
                List.of("C-NONGTHUONG", "C-DUONGQUANG"), null, true, "NORMAL", List.of());
        ObjectNode dirB = directive(b, "Tổ chức các hoạt động kỷ niệm ngày Thương binh - Liệt sỹ 27/7", "ECO",
                List.of(), "2022-07-27", false, "HIGH", List.of());
        ObjectNode dirC = directive(c, "Diễn tập phòng cháy, chữa cháy rừng phường Sông Cầu năm 2022", "W-SONGCAU",
                List.of("FIN"), "2022-09-30", false, "NORMAL", List.of("FOREST-PLANTED"));
        String v1Id = UUID.randomUUID().toString();
        String v1 = Fixtures.envelope(v1Id, "/city/meeting-service", "city.meeting.meeting-concluded.v1", meetingId,
                Fixtures.concluded(meetingId, 1, List.of(dirA, dirB, dirC)));

        try (TopicReader events = new TopicReader(Fixtures.TASK_TOPIC); TopicWriter writer = new TopicWriter()) {
            writer.send(Fixtures.MEETING_TOPIC, meetingId, v1);
            writer.send(Fixtures.MEETING_TOPIC, meetingId, v1);
            // the same version published again under a new event id
            String republishedId = UUID.randomUUID().toString();
            writer.send(Fixtures.MEETING_TOPIC, meetingId, Fixtures.envelope(republishedId, "/city/meeting-service",
                    "city.meeting.meeting-concluded.v1", meetingId,
                    Fixtures.concluded(meetingId, 1, List.of(dirA, dirB, dirC))));
            await().atMost(WAIT).until(() -> applied(republishedId));
            assertThat(Fixtures.count(db, "select count(*) from task where source_meeting_id = ?", meetingId))
                    .isEqualTo(3);

            List<Map<String, Object>> tasks = as("leader").get("/api/tasks?meetingId=" + meetingId)
                    .then().statusCode(200).extract().jsonPath().getList("$");
            Map<String, Map<String, Object>> byDirective = tasks.stream().collect(Collectors.toMap(
                    t -> (String) ((Map<?, ?>) t.get("source")).get("directiveId"), Function.identity()));
            assertThat(byDirective).containsOnlyKeys(a, b, c);
            Map<String, Object> env = byDirective.get(a);
            assertThat(env.get("leadUnit")).isEqualTo("ENV");
            assertThat(env.get("coordinatingUnits")).isEqualTo(List.of("C-NONGTHUONG", "C-DUONGQUANG"));
            assertThat(env.get("ongoing")).isEqualTo(true);
            assertThat(env.get("deadline")).isNull();
            assertThat(env.get("assignedBy")).isEqualTo("leader");
            assertThat(env.get("period")).isEqualTo("2022-07");
            assertThat(((Map<?, ?>) env.get("source")).get("kind")).isEqualTo("CONCLUSION");
            assertThat(byDirective.get(c).get("indicatorCodes")).isEqualTo(List.of("FOREST-PLANTED"));

            List<JsonNode> assigned = events.awaitCount(n -> TopicReader.type("city.task.task-assigned.v1").test(n)
                    && meetingId.equals(n.path("data").path("task").path("source").path("meetingId").asText()), 3, WAIT);
            assertThat(assigned).hasSize(3);
            assigned.forEach(e -> assertThat(AsyncApiContract.of("task-service").violations(e)).isEmpty());

            // C is finished before the correction arrives
            String taskC = taskId(c);
            as("leader").post("/api/tasks/{id}/start", taskC).then().statusCode(200);
            as("leader").body("{\"result\": \"Đã diễn tập\"}").post("/api/tasks/{id}/submit", taskC).then().statusCode(200);
            as("leader").body("{}").post("/api/tasks/{id}/accept", taskC).then().statusCode(200);
            ObjectNode dirC2 = directive(c, "Diễn tập phòng cháy, chữa cháy rừng phường Sông Cầu năm 2022", "W-SONGCAU",
                    List.of("FIN"), "2022-10-31", false, "NORMAL", List.of("FOREST-PLANTED"));

            // version 2 keeps A (its deadline now set) and C (moved, but already done), drops B, adds D
            ObjectNode dirA2 = directive(a, "Vệ sinh môi trường, tạo cảnh quan xanh, sạch, đẹp (bổ sung)", "ENV",
                    List.of("C-NONGTHUONG", "C-DUONGQUANG"), "2022-08-15", false, "HIGH", List.of());
            ObjectNode dirD = directive(d, "Tuyên truyền nhân dân treo cờ Tổ quốc", "W-SONGCAU", List.of(),
                    "2022-07-20", false, "NORMAL", List.of());
            writer.send(Fixtures.MEETING_TOPIC, meetingId, Fixtures.envelope("/city/meeting-service",
                    "city.meeting.meeting-concluded.v1", meetingId,
                    Fixtures.concluded(meetingId, 2, List.of(dirA2, dirC2, dirD))));

            await().atMost(WAIT).until(() -> Fixtures.count(db,
                    "select count(*) from task where source_meeting_id = ?", meetingId) == 4);
            String taskA = taskId(a);
            String taskB = taskId(b);
            await().atMost(WAIT).until(() -> "CANCELLED".equals(as("leader").get("/api/tasks/" + taskB)
                    .then().extract().path("status")));
            as("leader").get("/api/tasks/" + taskA).then().statusCode(200)
                    .body("title", org.hamcrest.Matchers.endsWith("(bổ sung)"))
                    .body("deadline", org.hamcrest.Matchers.equalTo("2022-08-15"))
                    .body("ongoing", org.hamcrest.Matchers.equalTo(false))
                    .body("source.conclusionVersion", org.hamcrest.Matchers.equalTo(2));

            as("leader").get("/api/tasks/" + taskC).then()
                    .body("status", org.hamcrest.Matchers.equalTo("DONE"))
                    .body("deadline", org.hamcrest.Matchers.equalTo("2022-09-30"));

            JsonNode cancelled = events.await(n -> TopicReader.type("city.task.task-cancelled.v1").test(n)
                    && taskB.equals(n.path("subject").asText()), WAIT);
            assertThat(cancelled.path("data").path("reason").asText()).contains("version 2");
            JsonNode updated = events.await(n -> TopicReader.type("city.task.task-updated.v1").test(n)
                    && taskA.equals(n.path("subject").asText()), WAIT);
            assertThat(updated.path("data").path("task").path("deadline").asText()).isEqualTo("2022-08-15");
            JsonNode assignedD = events.await(n -> TopicReader.type("city.task.task-assigned.v1").test(n)
                    && d.equals(n.path("data").path("task").path("source").path("directiveId").asText()), WAIT);
            for (JsonNode e : List.of(cancelled, updated, assignedD)) {
                assertThat(AsyncApiContract.of("task-service").violations(e)).isEmpty();
            }

            // a late copy of version 1 changes nothing
            String staleId = UUID.randomUUID().toString();
            writer.send(Fixtures.MEETING_TOPIC, meetingId, Fixtures.envelope(staleId, "/city/meeting-service",
                    "city.meeting.meeting-concluded.v1", meetingId,
                    Fixtures.concluded(meetingId, 1, List.of(dirA, dirB, dirC))));
            await().atMost(WAIT).until(() -> applied(staleId));
            as("leader").get("/api/tasks/" + taskB).then().body("status", org.hamcrest.Matchers.equalTo("CANCELLED"));
            as("leader").get("/api/tasks/" + taskA).then().body("source.conclusionVersion",
                    org.hamcrest.Matchers.equalTo(2));
            assertThat(Fixtures.count(db, "select count(*) from task where source_meeting_id = ?", meetingId))
                    .isEqualTo(4);
        }
    }

    private String taskId(String directiveId) {
        return Fixtures.text(db, "select id::text from task where source_directive_id = ?", directiveId);
    }

    private boolean applied(String eventId) {
        return Fixtures.count(db, "select count(*) from inbox_event where consumer = 'task-service' and event_id = ?",
                eventId) == 1;
    }
}
