package vn.city.task.overdue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.city.task.support.Fixtures;
import vn.city.common.testing.TestClock;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static vn.city.common.testing.Api.as;
import static vn.city.task.support.Fixtures.newTask;

/** {@code city_tasks_overdue{unit}} counts a unit's open tasks past their deadline, on the management port. */
@QuarkusTest
class OverdueTasksGaugeTest {

    @Inject
    AgroalDataSource db;
    @Inject
    OverdueTasksGauge gauge;

    @AfterEach
    void resetClock() {
        TestClock.release();
    }

    @Test
    void countsOpenTasksPastTheirDeadlineByUnit() throws Throwable {
        String unit = Fixtures.randomUnit();
        Fixtures.units(db, unit);
        TestClock.atNoon(LocalDate.of(2022, 7, 1));
        create(unit, "2022-07-05");
        create(unit, "2022-07-05");
        create(unit, "2022-07-31");
        String done = create(unit, "2022-07-05");
        as("leader").post("/api/tasks/{id}/start", done);
        as("leader").body("{\"result\": \"Xong\"}").post("/api/tasks/{id}/submit", done).then().statusCode(200);
        as("leader").body("{}").post("/api/tasks/{id}/accept", done).then().statusCode(200);

        Map<String, Long> before = VertxContextSupport.subscribeAndAwait(gauge::refresh);
        assertThat(before).doesNotContainKey(unit);

        TestClock.atNoon(LocalDate.of(2022, 7, 6));
        Map<String, Long> after = VertxContextSupport.subscribeAndAwait(gauge::refresh);
        assertThat(after).containsEntry(unit, 2L);
        RestAssured.given().port(19082).get("/q/metrics").then().statusCode(200)
                .body(containsString("city_tasks_overdue{unit=\"" + unit + "\"} 2.0"));
    }

    private String create(String unit, String deadline) {
        return as("leader").body(newTask("Nhiệm vụ kiểm thử số đo " + UUID.randomUUID(), unit, "[]", deadline, "2022-07"))
                .post("/api/tasks").then().statusCode(201).extract().path("taskId");
    }
}
