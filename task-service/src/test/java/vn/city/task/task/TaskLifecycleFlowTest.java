package vn.city.task.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.city.common.testing.TopicReader;
import vn.city.common.testing.AsyncApiContract;
import vn.city.task.support.Fixtures;
import vn.city.common.testing.TestClock;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static vn.city.common.testing.Api.as;
import static vn.city.task.support.Fixtures.newTask;

/** The whole lifecycle over HTTP with real tokens, and every event it announces read back from the broker. */
@QuarkusTest
class TaskLifecycleFlowTest {

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void units() {
        Fixtures.units(db, "FIN", "ECO", "W-SONGCAU", "ENV", "C-NONGTHUONG", "C-DUONGQUANG");
    }

    @AfterEach
    void resetClock() {
        TestClock.release();
    }

    @Test
    void returnedThenExtendedThenDoneOnTimeAgainstTheExtendedDeadline() {
        try (TopicReader events = new TopicReader(Fixtures.TASK_TOPIC)) {
            TestClock.atNoon(LocalDate.of(2022, 7, 1));
            String title = "Rà soát thực hiện kết luận sau thanh tra, kiểm toán " + UUID.randomUUID();
            String id = as("leader").body(newTask(title, "FIN", "[\"ECO\"]", "2022-07-15", "2022-07"))
                    .post("/api/tasks")
                    .then().statusCode(201)
                    .body("status", equalTo("ASSIGNED"), "title", equalTo(title), "deadline", equalTo("2022-07-15"),
                            "assignedBy", equalTo("leader"), "source.kind", equalTo("AD_HOC"))
                    .extract().path("taskId");

            as("officer-fin").post("/api/tasks/{id}/start", id).then().statusCode(200)
                    .body("status", equalTo("IN_PROGRESS"));
            as("officer-eco").body("{\"percent\": 30, \"text\": \"Phòng Kinh tế đã rà soát 3/10 kết luận\"}")
                    .post("/api/tasks/{id}/progress", id).then().statusCode(201).body("unitCode", equalTo("ECO"));
            as("officer-fin").body("{\"percent\": 50, \"text\": \"Đã khắc phục 5/10 tồn tại\"}")
                    .post("/api/tasks/{id}/progress", id).then().statusCode(201);

            // accepting work that was never submitted: 409 with the allowed transitions, and nothing changes
            as("leader").body("{}").post("/api/tasks/{id}/accept", id).then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("status"), "errors[0].rule", equalTo("transition"),
                            "detail", containsString("allowed from IN_PROGRESS: submit, cancel"));
            as("leader").get("/api/tasks/{id}", id).then().statusCode(200)
                    .body("status", equalTo("IN_PROGRESS"), "progressPercent", equalTo(50));

            as("officer-fin").body("{\"result\": \"Đã khắc phục xong\"}").post("/api/tasks/{id}/submit", id)
                    .then().statusCode(200).body("status", equalTo("SUBMITTED"));
            as("leader").body("{\"reason\": \"Chưa có số liệu của từng phòng\"}").post("/api/tasks/{id}/return", id)
                    .then().statusCode(200).body("status", equalTo("IN_PROGRESS"));

            String rid = as("officer-fin").body("{\"newDeadline\": \"2022-07-25\", \"reason\": \"Chờ số liệu kiểm toán\"}")
                    .post("/api/tasks/{id}/extension-requests", id).then().statusCode(201)
                    .body("status", equalTo("PENDING"), "currentDeadline", equalTo("2022-07-15"))
                    .extract().path("id");
            as("leader").body("{\"note\": \"Đồng ý\"}")
                    .post("/api/tasks/{id}/extension-requests/{rid}/grant", id, rid)
                    .then().statusCode(200).body("status", equalTo("GRANTED"));

            // after the first deadline, before the extended one
            TestClock.atNoon(LocalDate.of(2022, 7, 20));
            as("leader").get("/api/tasks/{id}", id).then().body("deadline", equalTo("2022-07-25"),
                    "overdue", equalTo(false));
            as("officer-fin").body("{\"result\": \"Đã khắc phục 10/10 tồn tại, có số liệu từng phòng\"}")
                    .post("/api/tasks/{id}/submit", id).then().statusCode(200);
            TestClock.atNoon(LocalDate.of(2022, 7, 28));
            as("leader").body("{\"note\": \"Đạt yêu cầu\"}").post("/api/tasks/{id}/accept", id).then().statusCode(200)
                    .body("status", equalTo("DONE"), "completedOnTime", equalTo(true), "progressPercent", equalTo(100));

            as("officer-eco").get("/api/tasks/{id}/progress", id).then().statusCode(200).body("$", hasSize(2))
                    .body("[0].percent", equalTo(30), "[1].percent", equalTo(50));
            as("viewer").get("/api/tasks/{id}/history", id).then().statusCode(200)
                    .body("deadlines.deadline", equalTo(List.of("2022-07-15", "2022-07-25")))
                    .body("deadlines.kind", equalTo(List.of("INITIAL", "EXTENSION")))
                    .body("transitions.action", equalTo(List.of("ASSIGN", "START", "SUBMIT", "RETURN", "SUBMIT", "ACCEPT")))
                    .body("transitions[3].note", equalTo("Chưa có số liệu của từng phòng"))
                    .body("extensionRequests[0].status", equalTo("GRANTED"));

            List<JsonNode> seen = events.awaitCount(n -> id.equals(n.path("subject").asText()), 9, Duration.ofSeconds(30));
            assertThat(seen).extracting(n -> n.path("type").asText()).containsExactly(
                    "city.task.task-assigned.v1", "city.task.task-started.v1",
                    "city.task.task-progress-reported.v1", "city.task.task-progress-reported.v1",
                    "city.task.task-submitted.v1", "city.task.task-returned.v1", "city.task.task-extended.v1",
                    "city.task.task-submitted.v1", "city.task.task-completed.v1");
            JsonNode extended = seen.get(6).path("data");
            assertThat(extended.path("previousDeadline").asText()).isEqualTo("2022-07-15");
            assertThat(extended.path("newDeadline").asText()).isEqualTo("2022-07-25");
            assertThat(extended.path("grantedBy").asText()).isEqualTo("leader");
            assertThat(seen.get(5).path("data").path("reason").asText()).isEqualTo("Chưa có số liệu của từng phòng");
            JsonNode completed = seen.get(8).path("data");
            assertThat(completed.path("onTime").asBoolean()).isTrue();
            assertThat(completed.path("task").path("status").asText()).isEqualTo("DONE");
            assertThat(completed.path("task").path("coordinatingUnits").get(0).asText()).isEqualTo("ECO");
            assertThat(seen.get(2).path("data").path("unitCode").asText()).isEqualTo("ECO");
            for (JsonNode e : seen) {
                assertThat(AsyncApiContract.of("task-service").violations(e)).as(e.path("type").asText()).isEmpty();
            }
        }
    }

    @Test
    void submittedAfterTheDeadlineIsDoneLate() {
        try (TopicReader events = new TopicReader(Fixtures.TASK_TOPIC)) {
            TestClock.atNoon(LocalDate.of(2022, 7, 1));
            String id = as("leader").body(newTask("Bảo vệ an toàn Kỳ thi tốt nghiệp THPT " + UUID.randomUUID(),
                            "W-SONGCAU", "[]", "2022-07-10", "2022-07"))
                    .post("/api/tasks").then().statusCode(201).extract().path("taskId");
            as("officer-songcau").post("/api/tasks/{id}/start", id).then().statusCode(200);
            TestClock.atNoon(LocalDate.of(2022, 7, 12));
            as("officer-songcau").get("/api/tasks/{id}", id).then().body("overdue", equalTo(true));
            as("officer-songcau").body("{\"result\": \"Hoàn thành\"}").post("/api/tasks/{id}/submit", id)
                    .then().statusCode(200).body("overdue", equalTo(true));
            as("leader").body("{}").post("/api/tasks/{id}/accept", id).then().statusCode(200)
                    .body("status", equalTo("DONE"), "completedOnTime", equalTo(false), "overdue", equalTo(false));

            JsonNode completed = events.await(n -> id.equals(n.path("subject").asText())
                    && TopicReader.type("city.task.task-completed.v1").test(n), Duration.ofSeconds(30));
            assertThat(completed.path("data").path("onTime").asBoolean()).isFalse();
            assertThat(completed.path("data").path("task").path("completedOnTime").asBoolean()).isFalse();
        }
    }

    @Test
    void refusedExtensionKeepsTheDeadlineAndACancelledTaskIsFinal() {
        try (TopicReader events = new TopicReader(Fixtures.TASK_TOPIC)) {
            TestClock.atNoon(LocalDate.of(2022, 7, 1));
            String id = as("leader").body(newTask("Tháo dỡ công trình lấn chiếm hành lang " + UUID.randomUUID(),
                            "FIN", "[]", "2022-07-20", "2022-07"))
                    .post("/api/tasks").then().statusCode(201).extract().path("taskId");
            String rid = as("officer-fin").body("{\"newDeadline\": \"2022-08-20\", \"reason\": \"Cần thêm thời gian\"}")
                    .post("/api/tasks/{id}/extension-requests", id).then().statusCode(201).extract().path("id");
            as("officer-fin").body("{\"newDeadline\": \"2022-08-30\", \"reason\": \"Lần hai\"}")
                    .post("/api/tasks/{id}/extension-requests", id).then().statusCode(409)
                    .contentType("application/problem+json");
            as("leader").body("{\"reason\": \"Không có căn cứ\"}")
                    .post("/api/tasks/{id}/extension-requests/{rid}/refuse", id, rid)
                    .then().statusCode(200).body("status", equalTo("REFUSED"));
            as("leader").get("/api/tasks/{id}", id).then().body("deadline", equalTo("2022-07-20"));

            as("leader").body("{\"reason\": \"Nhiệm vụ được lồng ghép vào kế hoạch khác\"}")
                    .post("/api/tasks/{id}/cancel", id).then().statusCode(200).body("status", equalTo("CANCELLED"));
            as("officer-fin").post("/api/tasks/{id}/start", id).then().statusCode(409)
                    .body("errors[0].rule", equalTo("transition"), "detail", containsString("none"));
            as("officer-fin").body("{\"percent\": 10, \"text\": \"x\"}").post("/api/tasks/{id}/progress", id)
                    .then().statusCode(409);

            JsonNode cancelled = events.await(n -> id.equals(n.path("subject").asText())
                    && TopicReader.type("city.task.task-cancelled.v1").test(n), Duration.ofSeconds(30));
            assertThat(cancelled.path("data").path("reason").asText()).contains("lồng ghép");
            assertThat(AsyncApiContract.of("task-service").violations(cancelled)).isEmpty();
        }
    }

    @Test
    void theJune2022DirectiveOnEnvironmentIsRepresentable() {
        TestClock.atNoon(LocalDate.of(2022, 7, 1));
        String content = "Chủ trì, phối hợp với các đơn vị và hai xã Nông Thượng, Dương Quang quan tâm thực hiện "
                + "công tác vệ sinh môi trường, tạo cảnh quan xanh, sạch, đẹp. " + UUID.randomUUID();
        String body = """
                {"title": "Vệ sinh môi trường, cảnh quan xanh, sạch, đẹp", "content": "%s",
                 "source": {"kind": "DOCUMENT", "documentNumber": "245/TB-UBND", "documentDate": "2022-07-01"},
                 "leadUnit": "ENV", "coordinatingUnits": ["C-NONGTHUONG", "C-DUONGQUANG"],
                 "ongoing": true, "priority": "NORMAL", "indicatorCodes": [], "period": "2022-07"}"""
                .formatted(content);
        String id = as("secretariat").body(body).post("/api/tasks").then().statusCode(201)
                .body("content", equalTo(content), "ongoing", equalTo(true), "deadline", equalTo(null),
                        "coordinatingUnits", equalTo(List.of("C-NONGTHUONG", "C-DUONGQUANG")),
                        "source.documentNumber", equalTo("245/TB-UBND"), "assignedBy", equalTo("secretariat"))
                .extract().path("taskId");
        as("leader").get("/api/tasks?unit=C-DUONGQUANG&period=2022-07").then().statusCode(200)
                .body("taskId", org.hamcrest.Matchers.hasItem(id));
        // an ongoing task has no deadline to extend
        as("leader").body("{\"newDeadline\": \"2022-08-20\", \"reason\": \"x\"}")
                .post("/api/tasks/{id}/extension-requests", id).then().statusCode(409);
    }
}
