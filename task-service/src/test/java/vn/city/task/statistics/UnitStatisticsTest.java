package vn.city.task.statistics;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.city.task.support.Fixtures;
import vn.city.common.testing.TestClock;

import java.time.LocalDate;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static vn.city.common.testing.Api.as;
import static vn.city.task.support.Fixtures.newTask;

/** Per-unit figures of a period, as the briefing pack reads them. */
@QuarkusTest
class UnitStatisticsTest {

    @Inject
    AgroalDataSource db;

    @AfterEach
    void resetClock() {
        TestClock.release();
    }

    @Test
    void countsDoneOnTimeDoneLateOverdueAndInProgress() {
        String unit = Fixtures.randomUnit();
        String other = Fixtures.randomUnit();
        Fixtures.units(db, unit, other);
        TestClock.atNoon(LocalDate.of(2022, 7, 1));
        String onTime = create(unit, "2022-07-10", "2022-07");
        String late = create(unit, "2022-07-10", "2022-07");
        create(unit, "2022-07-10", "2022-07");                 // overdue by the 15th
        create(unit, "2022-07-31", "2022-07");                 // still running
        create(unit, null, "2022-07");                         // ongoing, running
        String cancelled = create(unit, "2022-07-31", "2022-07");
        create(unit, "2022-08-31", "2022-08");                 // next month: only in the quarter
        create(other, "2022-07-31", "2022-07");                // another unit

        TestClock.atNoon(LocalDate.of(2022, 7, 5));
        complete(onTime);
        as("leader").body("{\"reason\": \"Không còn cần thiết\"}").post("/api/tasks/{id}/cancel", cancelled)
                .then().statusCode(200);
        TestClock.atNoon(LocalDate.of(2022, 7, 12));
        complete(late);
        TestClock.atNoon(LocalDate.of(2022, 7, 15));

        as("viewer").get("/api/statistics/units?period=2022-07&unit=" + unit).then().statusCode(200)
                .body("period", equalTo("2022-07"), "asOf", equalTo("2022-07-15"))
                .body("units.size()", equalTo(1))
                .body("units[0].unitCode", equalTo(unit))
                .body("units[0].assigned", equalTo(5))
                .body("units[0].doneOnTime", equalTo(1))
                .body("units[0].doneLate", equalTo(1))
                .body("units[0].overdue", equalTo(1))
                .body("units[0].inProgress", equalTo(2))
                .body("units[0].cancelled", equalTo(1));
        as("leader").get("/api/statistics/units?period=2022-Q3&unit=" + unit).then().statusCode(200)
                .body("units[0].assigned", equalTo(6)).body("units[0].inProgress", equalTo(3));
        as("officer-fin").get("/api/statistics/units?period=2022-07").then().statusCode(200)
                .body("units.find { it.unitCode == '" + unit + "' }.doneLate", equalTo(1))
                .body("units.find { it.unitCode == '" + other + "' }.inProgress", equalTo(1));
        as("viewer").get("/api/statistics/units?period=07-2022").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("period"));
    }

    private void complete(String id) {
        as("leader").post("/api/tasks/{id}/start", id).then().statusCode(200);
        as("leader").body("{\"result\": \"Hoàn thành\"}").post("/api/tasks/{id}/submit", id).then().statusCode(200);
        as("leader").body("{}").post("/api/tasks/{id}/accept", id).then().statusCode(200);
    }

    private static String create(String unit, String deadline, String period) {
        return as("leader").body(newTask("Nhiệm vụ thống kê " + UUID.randomUUID(), unit, "[]", deadline, period))
                .post("/api/tasks").then().statusCode(201).extract().path("taskId");
    }
}
