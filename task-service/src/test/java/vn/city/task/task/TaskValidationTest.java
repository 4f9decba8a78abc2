package vn.city.task.task;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.city.task.support.Fixtures;
import vn.city.common.testing.TestClock;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.city.common.testing.Api.as;
import static vn.city.task.support.Fixtures.newTask;

/** Bad input answers 4xx problem+json naming the field and rule, and changes nothing. */
@QuarkusTest
class TaskValidationTest {

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void setUp() {
        Fixtures.units(db, "FIN", "ECO");
        TestClock.atNoon(LocalDate.of(2022, 7, 1));
    }

    @AfterEach
    void resetClock() {
        TestClock.release();
    }

    @Test
    void badTasksAreRefusedAndNotCreated() {
        String marker = "Không được tạo " + UUID.randomUUID();
        as("leader").body(newTask(marker, "NO-SUCH-UNIT", "[]", "2022-07-31", "2022-07")).post("/api/tasks")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("leadUnit"), "errors[0].rule", equalTo("known-unit"));
        as("leader").body(newTask(marker, "FIN", "[\"ECO\", \"NOPE\"]", "2022-07-31", "2022-07")).post("/api/tasks")
                .then().statusCode(422).body("errors[0].field", equalTo("coordinatingUnits[1]"));
        as("leader").body(newTask(marker, "FIN", "[]", "2022-06-30", "2022-07")).post("/api/tasks")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("deadline"), "errors[0].rule", equalTo("not-before-assignment"));
        as("leader").body(newTask(marker, "FIN", "[]", "2022-07-31", "tháng 7")).post("/api/tasks")
                .then().statusCode(422).body("errors[0].field", equalTo("period"));
        as("leader").body(newTask(marker, "FIN", "[]", "2022-07-31", "2022-07").replace("\"ongoing\": false", "\"ongoing\": true"))
                .post("/api/tasks").then().statusCode(422).body("errors[0].rule", equalTo("deadline-or-ongoing"));
        as("leader").body(newTask(marker, "FIN", "[]", "2022-07-31", "2022-07").replaceFirst("\"content\": \"[^\"]*\"", "\"content\": \"  \""))
                .post("/api/tasks").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("content"));
        as("leader").body(newTask(marker, "FIN", "[]", "2022-07-31", "2022-07").replace("\"kind\": \"AD_HOC\"", "\"kind\": \"DOCUMENT\""))
                .post("/api/tasks").then().statusCode(422).body("errors.field", hasItem("source.documentNumber"));
        as("leader").body(newTask(marker, "FIN", "[]", "2022-07-31", "2022-07").replace("\"kind\": \"AD_HOC\"", "\"kind\": \"CONCLUSION\""))
                .post("/api/tasks").then().statusCode(422).body("errors[0].field", equalTo("source.kind"));
        as("leader").body(newTask(marker, "FIN", "[]", "2022-07-31", "2022-07").replace("\"priority\": \"HIGH\"", "\"priority\": \"URGENT\""))
                .post("/api/tasks").then().statusCode(400).contentType("application/problem+json");
        as("leader").body("{\"title\": ").post("/api/tasks").then().statusCode(400);
        assertThat(Fixtures.count(db, "select count(*) from task where title = ?", marker)).isZero();
    }

    @Test
    void aControlCharacterIs422AndADuplicateKeyIs400NamingTheFieldAndNothingIsStored() {
        String marker = "Quy tắc đầu vào " + UUID.randomUUID();
        as("leader").body(newTask(marker, "FIN", "[]", "2022-07-31", "2022-07")
                        .replace("\"content\": \"Nội dung: " + marker + "\"", "\"content\": \"Nội dung\\u0000tiếp\""))
                .post("/api/tasks").then().statusCode(422).contentType("application/problem+json")
                .body("errors.size()", equalTo(1))
                .body("errors[0].field", equalTo("content"), "errors[0].rule", equalTo("control-character"));
        as("leader").body(newTask(marker, "FIN", "[]", "2022-07-31", "2022-07")
                        .replace("\"leadUnit\": \"FIN\"", "\"leadUnit\": \"CUL\", \"leadUnit\": \"FIN\""))
                .post("/api/tasks").then().statusCode(400).contentType("application/problem+json")
                .body("errors.size()", equalTo(1))
                .body("errors[0].field", equalTo("leadUnit"), "errors[0].rule", equalTo("duplicate-key"));
        assertThat(Fixtures.count(db, "select count(*) from task where title = ?", marker)).isZero();
    }

    @Test
    void aRetiredUnitGetsNoNewTasks() {
        String unit = Fixtures.randomUnit();
        Fixtures.units(db, unit);
        Fixtures.retire(db, unit);
        String marker = "Đơn vị đã sáp nhập " + UUID.randomUUID();
        as("leader").body(newTask(marker, unit, "[]", "2022-07-31", "2022-07")).post("/api/tasks")
                .then().statusCode(422).body("errors[0].field", equalTo("leadUnit"), "errors[0].rule", equalTo("known-unit"));
        assertThat(Fixtures.count(db, "select count(*) from task where title = ?", marker)).isZero();
    }

    @Test
    void progressOutsideZeroToHundredIsRefusedAndNothingRecorded() {
        String id = as("leader").body(newTask("Tiến độ " + UUID.randomUUID(), "FIN", "[]", "2022-07-31", "2022-07"))
                .post("/api/tasks").then().statusCode(201).extract().path("taskId");
        as("officer-fin").body("{\"percent\": 101, \"text\": \"quá\"}").post("/api/tasks/{id}/progress", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("percent"), "errors[0].rule", equalTo("Max"));
        as("officer-fin").body("{\"percent\": -1, \"text\": \"âm\"}").post("/api/tasks/{id}/progress", id)
                .then().statusCode(400).body("errors[0].rule", equalTo("Min"));
        as("officer-fin").body("{\"percent\": 50, \"text\": \"\"}").post("/api/tasks/{id}/progress", id)
                .then().statusCode(400).body("errors[0].field", equalTo("text"));
        as("officer-fin").body("{\"newDeadline\": \"2022-07-30\", \"reason\": \"sớm hơn\"}")
                .post("/api/tasks/{id}/extension-requests", id).then().statusCode(422)
                .body("errors[0].field", equalTo("newDeadline"));
        as("officer-fin").get("/api/tasks/{id}/progress", id).then().statusCode(200).body("size()", equalTo(0));
        as("officer-fin").get("/api/tasks/{id}", id).then().body("status", equalTo("ASSIGNED"));
        as("leader").get("/api/tasks/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        as("leader").get("/api/tasks/not-a-uuid").then().statusCode(404);
        as("leader").get("/api/tasks?status=LATE").then().statusCode(400);
    }
}
