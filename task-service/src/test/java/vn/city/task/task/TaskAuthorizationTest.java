package vn.city.task.task;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.city.task.support.Fixtures;

import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.city.common.testing.Api.as;
import static vn.city.task.support.Fixtures.newTask;

/** Each fixture user against tasks of its own unit, another unit, and operations of another role. */
@QuarkusTest
class TaskAuthorizationTest {

    private static final String FUTURE = LocalDate.now().plusYears(1).toString();
    private static final String PERIOD = FUTURE.substring(0, 7);

    @Inject
    AgroalDataSource db;

    private String finTask;
    private String songCauTask;

    @BeforeEach
    void tasks() {
        Fixtures.units(db, "FIN", "ECO", "W-SONGCAU");
        finTask = as("leader").body(newTask("Quản lý tài sản công " + UUID.randomUUID(), "FIN", "[\"ECO\"]", FUTURE, PERIOD))
                .post("/api/tasks").then().statusCode(201).extract().path("taskId");
        songCauTask = as("leader").body(newTask("Trật tự đô thị " + UUID.randomUUID(), "W-SONGCAU", "[]", FUTURE, PERIOD))
                .post("/api/tasks").then().statusCode(201).extract().path("taskId");
    }

    @Test
    void officersReadAndWorkOnTheirOwnUnitsTasksOnly() {
        as("officer-fin").get("/api/tasks/{id}", finTask).then().statusCode(200);
        as("officer-eco").get("/api/tasks/{id}", finTask).then().statusCode(200);          // coordinating
        as("officer-songcau").get("/api/tasks/{id}", finTask).then().statusCode(403)
                .contentType("application/problem+json");
        as("officer-fin").get("/api/tasks/{id}/history", songCauTask).then().statusCode(403);
        as("officer-fin").get("/api/tasks/{id}/progress", songCauTask).then().statusCode(403);

        as("officer-songcau").post("/api/tasks/{id}/start", finTask).then().statusCode(403)
                .contentType("application/problem+json");
        as("officer-eco").post("/api/tasks/{id}/start", finTask).then().statusCode(403);   // not the lead unit
        as("officer-eco").body("{\"newDeadline\": \"" + LocalDate.parse(FUTURE).plusDays(9) + "\", \"reason\": \"x\"}")
                .post("/api/tasks/{id}/extension-requests", finTask).then().statusCode(403);
        as("officer-fin").post("/api/tasks/{id}/start", finTask).then().statusCode(200);
        as("officer-eco").body("{\"percent\": 20, \"text\": \"Phối hợp rà soát\"}")
                .post("/api/tasks/{id}/progress", finTask).then().statusCode(201);
        as("officer-songcau").body("{\"percent\": 20, \"text\": \"x\", \"unitCode\": \"FIN\"}")
                .post("/api/tasks/{id}/progress", finTask).then().statusCode(403);
        as("officer-eco").body("{\"percent\": 20, \"text\": \"x\", \"unitCode\": \"FIN\"}")
                .post("/api/tasks/{id}/progress", finTask).then().statusCode(403);
        as("officer-fin").get("/api/tasks/{id}/progress", finTask).then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void onlyLeadersDecideAndOnlyLeadersAndTheSecretariatAssign() {
        as("officer-fin").post("/api/tasks/{id}/start", finTask).then().statusCode(200);
        as("officer-fin").body("{\"result\": \"Xong\"}").post("/api/tasks/{id}/submit", finTask).then().statusCode(200);
        as("officer-fin").body("{}").post("/api/tasks/{id}/accept", finTask).then().statusCode(403)
                .contentType("application/problem+json");
        as("secretariat").body("{}").post("/api/tasks/{id}/accept", finTask).then().statusCode(403);
        as("secretariat").body("{\"reason\": \"x\"}").post("/api/tasks/{id}/cancel", finTask).then().statusCode(403);
        as("viewer").body("{\"reason\": \"x\"}").post("/api/tasks/{id}/return", finTask).then().statusCode(403);
        as("leader").get("/api/tasks/{id}", finTask).then().body("status", equalTo("SUBMITTED"));
        as("leader").body("{}").post("/api/tasks/{id}/accept", finTask).then().statusCode(200);

        String adHoc = newTask("Ad hoc " + UUID.randomUUID(), "FIN", "[]", FUTURE, PERIOD);
        as("officer-fin").body(adHoc).post("/api/tasks").then().statusCode(403).contentType("application/problem+json");
        as("viewer").body(adHoc).post("/api/tasks").then().statusCode(403);
        as("secretariat").body(adHoc).post("/api/tasks").then().statusCode(403);
        String fromDocument = adHoc.replace("\"kind\": \"AD_HOC\"",
                "\"kind\": \"DOCUMENT\", \"documentNumber\": \"2888/QĐ-UBND\", \"documentDate\": \"2022-07-05\"");
        as("secretariat").body(fromDocument).post("/api/tasks").then().statusCode(201)
                .body("source.kind", equalTo("DOCUMENT"), "source.documentNumber", equalTo("2888/QĐ-UBND"));
    }

    @Test
    void listsAreLimitedToTheOfficersUnitAndViewersReadEverything() {
        as("officer-fin").get("/api/tasks?mine=true&period=" + PERIOD).then().statusCode(200)
                .body("taskId", hasItem(finTask)).body("taskId", not(hasItem(songCauTask)));
        as("officer-fin").get("/api/tasks?period=" + PERIOD).then().statusCode(200)
                .body("taskId", not(hasItem(songCauTask)));
        as("officer-eco").get("/api/tasks?period=" + PERIOD).then().statusCode(200).body("taskId", hasItem(finTask));
        as("officer-eco").get("/api/tasks?unit=W-SONGCAU").then().statusCode(403)
                .contentType("application/problem+json");
        as("viewer").get("/api/tasks?unit=W-SONGCAU&period=" + PERIOD).then().statusCode(200)
                .body("taskId", hasItem(songCauTask)).body("leadUnit", everyItem(equalTo("W-SONGCAU")));
        as("viewer").get("/api/tasks/{id}", finTask).then().statusCode(200);
        as("viewer").post("/api/tasks/{id}/start", finTask).then().statusCode(403);
        given().get("/api/tasks/{id}", finTask).then().statusCode(401);
    }
}
