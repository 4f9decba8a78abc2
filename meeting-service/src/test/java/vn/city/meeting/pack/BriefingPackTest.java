package vn.city.meeting.pack;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.city.meeting.support.Api;
import vn.city.meeting.support.Events;
import vn.city.meeting.support.ReadModel;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.city.meeting.support.Api.as;
import static vn.city.meeting.support.Api.directive;

/**
 * The pack is built only from indicator and task events published on the real broker; tasks of an earlier
 * conclusion are carried over to the next briefing; after the meeting, revisions show in "revised since" only.
 */
@QuarkusTest
class BriefingPackTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    @SuppressWarnings("unchecked")
    void packFromEventsCarryOverAndRevisionsAfterTheFreeze() {
        int year = ThreadLocalRandom.current().nextInt(2100, 2999);
        String p1 = year + "-03";
        String p2 = year + "-04";
        String lead = Events.random("W-TEST");
        String other = Events.random("D-TEST");
        String budget = Events.random("BUDGET");
        String retail = Events.random("RETAIL");
        UUID open = UUID.randomUUID();
        UUID overdue = UUID.randomUUID();
        UUID doneOnTime = UUID.randomUUID();
        UUID doneLate = UUID.randomUUID();
        UUID otherUnitTask = UUID.randomUUID();

        try (Events events = new Events()) {
            events.unit(lead, "Phường Thử nghiệm", "WARD");
            events.unit(other, "Phòng Thử nghiệm", "DEPARTMENT");
            ReadModel.awaitUnits(dataSource, List.of(lead, other));

            // An earlier briefing whose conclusion gave directives (tasks arrive from the task-service).
            String m1 = Api.schedule(Api.meeting("MONTHLY_BRIEFING", "Giao ban tháng " + p1, p1,
                    OffsetDateTime.parse(p1 + "-28T08:00:00Z"), List.of(lead, other)));
            as("leader").body(Map.of("text", "Kết luận giao ban", "directives",
                            List.of(directive("Đẩy nhanh tiến độ giải phóng mặt bằng", lead, List.of(other), p2 + "-20"))))
                    .put("/api/meetings/" + m1 + "/conclusion").then().statusCode(200);
            as("leader").post("/api/meetings/" + m1 + "/conclusion/publish").then().statusCode(200);
            UUID source = UUID.fromString(m1);
            OffsetDateTime now = Events.now();
            events.task("task-assigned", open, "Đẩy nhanh tiến độ giải phóng mặt bằng", lead, "ASSIGNED", p2, p2 + "-20", null, source, now);
            events.task("task-overdue", overdue, "Tháo dỡ công trình lấn chiếm", lead, "IN_PROGRESS", p2, p2 + "-05", null, true, source, now);
            events.task("task-completed", doneOnTime, "Báo cáo thu ngân sách", lead, "DONE", p2, p2 + "-10", true, source, now);
            events.task("task-completed", doneLate, "Tổng hợp số liệu OCOP", lead, "DONE", p2, p2 + "-10", false, source, now);
            events.task("task-assigned", otherUnitTask, "Rà soát quy hoạch", other, "ASSIGNED", p2, p2 + "-25", null, null, now);

            Events.Indicator budgetIndicator = new Events.Indicator(budget, "Thu ngân sách", "tỷ đồng", "FLOW",
                    "HIGHER_IS_BETTER", "Tài chính", other, "OWNER_REPORTED", "PERCENT", 3);
            Events.Indicator retailIndicator = new Events.Indicator(retail, "Tổng mức bán lẻ hàng hóa", "tỷ đồng", "FLOW",
                    "HIGHER_IS_BETTER", "Thương mại – dịch vụ", other, "OWNER_REPORTED", "PERCENT", 1);
            events.target(budget, year, new BigDecimal("112"), "RESOLUTION");
            events.submitted(budgetIndicator, other, p2, "ESTIMATE", new BigDecimal("4.15"), Map.of("status", "BEHIND"),
                    Map.of("value", 4.15, "yearToDate", 20, "target", 112, "attainmentPercent", 17.86,
                            "expectedPercent", 33.33, "status", "BEHIND"));
            events.cityResult(budgetIndicator, p2, 1, "FIGURE", Map.of("value", 4.15, "yearToDate", 20, "target", 112,
                    "attainmentPercent", 17.86, "expectedPercent", 33.33, "status", "BEHIND"));
            events.cityResult(retailIndicator, p2, 1, "FIGURE", Map.of("value", 285, "yearToDate", 1739.5,
                    "target", 3439, "attainmentPercent", 50.58, "expectedPercent", 33.33, "samePeriodLastYear", 1659,
                    "change", 4.85, "status", "ON_TRACK"));

            // The next briefing: unfinished tasks of the earlier conclusion are proposed on its agenda.
            String m2 = Api.schedule(Api.meeting("MONTHLY_BRIEFING", "Giao ban tháng " + p2, p2,
                    OffsetDateTime.parse(p2 + "-28T08:00:00Z"), List.of(lead, other)));
            JsonPath pack = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> as("viewer").get("/api/packs/" + m2).then().statusCode(200).extract().jsonPath(),
                            p -> p.getList("carryOver.taskId").size() >= 2
                                    && p.getList("indicators.indicatorCode").containsAll(List.of(budget, retail))
                                    && unit(p, lead) != null
                                    && p.getList("units.tasks.flatten().taskId", String.class).containsAll(List.of(
                                            open.toString(), overdue.toString(), doneOnTime.toString(),
                                            doneLate.toString(), otherUnitTask.toString())));

            assertThat(pack.getBoolean("frozen")).isFalse();
            assertThat(pack.getList("carryOver.taskId", String.class))
                    .contains(open.toString(), overdue.toString())
                    .doesNotContain(doneOnTime.toString(), doneLate.toString(), otherUnitTask.toString());
            List<String> codes = pack.getList("indicators.indicatorCode", String.class);
            assertThat(codes.indexOf(budget)).as("off-track first").isLessThan(codes.indexOf(retail));
            Map<String, Object> budgetLine = line(pack, budget);
            assertThat(budgetLine.get("offTrack")).isEqualTo(true);
            assertThat(budgetLine.get("targetKind")).isEqualTo("RESOLUTION");
            assertThat(new BigDecimal(budgetLine.get("value").toString())).isEqualByComparingTo("4.15");
            Map<String, Object> retailLine = line(pack, retail);
            assertThat(new BigDecimal(retailLine.get("yearToDate").toString())).isEqualByComparingTo("1739.5");
            assertThat(new BigDecimal(retailLine.get("change").toString())).isEqualByComparingTo("4.85");
            Map<String, Object> leadTasks = unit(pack, lead);
            assertThat(leadTasks.get("unitName")).isEqualTo("Phường Thử nghiệm");
            // The real task-service may add its own task for m1's directive to this unit: check this test's tasks
            // by id, and that the unit's counters agree with its task lines.
            assertThat(state(pack, doneOnTime)).isEqualTo("DONE_ON_TIME");
            assertThat(state(pack, doneLate)).isEqualTo("DONE_LATE");
            assertThat(state(pack, overdue)).isEqualTo("OVERDUE");
            assertThat(state(pack, open)).isEqualTo("IN_PROGRESS");
            assertThat(state(pack, otherUnitTask)).isEqualTo("IN_PROGRESS");
            List<Map<String, Object>> leadLines = (List<Map<String, Object>>) leadTasks.get("tasks");
            for (String[] counter : new String[][]{{"doneOnTime", "DONE_ON_TIME"}, {"doneLate", "DONE_LATE"},
                    {"overdue", "OVERDUE"}, {"inProgress", "IN_PROGRESS"}}) {
                assertThat(leadTasks.get(counter[0])).as(counter[0]).isEqualTo(
                        (int) leadLines.stream().filter(l -> counter[1].equals(l.get("state"))).count());
                assertThat((Integer) leadTasks.get(counter[0])).isGreaterThanOrEqualTo(1);
            }

            JsonPath agenda = as("secretariat").get("/api/meetings/" + m2).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> carried = agenda.getList("items.findAll { it.kind == 'CARRY_OVER' }");
            // Earlier runs' open tasks (earlier random years) are carried over too: assert on this run's tasks.
            assertThat(carried).extracting(i -> i.get("taskId")).contains(open.toString(), overdue.toString())
                    .doesNotContain(doneOnTime.toString(), doneLate.toString(), otherUnitTask.toString());
            as("viewer").get("/api/packs/" + m2).then().statusCode(200);
            List<Object> again = as("secretariat").get("/api/meetings/" + m2).then().extract().jsonPath()
                    .getList("items.findAll { it.kind == 'CARRY_OVER' }.taskId");
            assertThat(again).as("proposed once per task").hasSize(carried.size()).doesNotHaveDuplicates();

            // Conclude: the pack is frozen as known now.
            as("leader").body(Map.of("text", "Kết luận", "directives",
                            List.of(directive("Tập trung thu ngân sách", other, List.of(), null))))
                    .put("/api/meetings/" + m2 + "/conclusion").then().statusCode(200);
            as("leader").post("/api/meetings/" + m2 + "/conclusion/publish").then().statusCode(200);

            // Revised after the meeting: an official budget figure and a completed task.
            long revising = System.nanoTime();
            Events.Indicator budgetAgain = new Events.Indicator(budget, "Thu ngân sách", "tỷ đồng", "FLOW",
                    "HIGHER_IS_BETTER", "Tài chính", other, "OWNER_REPORTED", "PERCENT", 3);
            events.submitted(budgetAgain, other, p2, "OFFICIAL", new BigDecimal("4.6"), Map.of("status", "BEHIND"),
                    Map.of("value", 4.6, "yearToDate", 20.45, "target", 112, "attainmentPercent", 18.26, "status", "BEHIND"));
            events.cityResult(budgetAgain, p2, 2, "FIGURE", Map.of("value", 4.6, "yearToDate", 20.45, "target", 112,
                    "attainmentPercent", 18.26, "expectedPercent", 33.33, "status", "BEHIND"));
            events.task("task-completed", open, "Đẩy nhanh tiến độ giải phóng mặt bằng", lead, "DONE", p2, p2 + "-20", true,
                    source, Events.now());

            JsonPath revisions = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> as("viewer").get("/api/packs/" + m2 + "/revisions").then().statusCode(200).extract().jsonPath(),
                            r -> r.getList("indicators.indicatorCode").contains(budget)
                                    && r.getList("tasks.taskId").contains(open.toString()));
            System.out.printf("[measure] events published → visible in revised-since: %d ms%n",
                    (System.nanoTime() - revising) / 1_000_000);
            List<Map<String, Object>> diffs = revisions.getList("indicators.find { it.indicatorCode == '" + budget
                    + "' }.differences");
            assertThat(diffs).extracting(d -> d.get("field") + ":" + d.get("unitCode") + ":" + d.get("then") + "→" + d.get("now"))
                    .contains("value:null:4.15→4.6", "version:null:ESTIMATE→OFFICIAL", "yearToDate:null:20→20.45",
                            "value:" + other + ":4.15→4.6");
            Map<String, Object> task = revisions.getMap("tasks.find { it.taskId == '" + open + "' }");
            assertThat(task.get("frozenState")).isEqualTo("IN_PROGRESS");
            assertThat(task.get("currentState")).isEqualTo("DONE_ON_TIME");

            long reading = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                as("viewer").get("/api/packs/" + m2).then().statusCode(200);
            }
            System.out.printf("[measure] GET frozen pack (token + policy enforcer + DB), mean of 20: %d ms%n",
                    (System.nanoTime() - reading) / 20 / 1_000_000);
            JsonPath frozen = as("viewer").get("/api/packs/" + m2).then().statusCode(200).extract().jsonPath();
            assertThat(frozen.getBoolean("frozen")).isTrue();
            assertThat(new BigDecimal(line(frozen, budget).get("value").toString())).as("frozen as known").isEqualByComparingTo("4.15");
            assertThat(state(frozen, open)).as("frozen as known").isEqualTo("IN_PROGRESS");

            JsonPath live = as("viewer").get("/api/packs/period/" + p2).then().statusCode(200).extract().jsonPath();
            assertThat(new BigDecimal(line(live, budget).get("value").toString())).isEqualByComparingTo("4.6");
        }
    }

    private static Map<String, Object> line(JsonPath pack, String code) {
        return pack.getMap("indicators.find { it.indicatorCode == '" + code + "' }");
    }

    private static String state(JsonPath pack, UUID taskId) {
        return pack.getString("units.tasks.flatten().find { it.taskId == '" + taskId + "' }.state");
    }

    private static Map<String, Object> unit(JsonPath pack, String code) {
        return pack.getMap("units.find { it.unitCode == '" + code + "' }");
    }
}
