package vn.city.meeting.meeting;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.city.meeting.support.Api;
import vn.city.meeting.support.Events;
import vn.city.meeting.support.Events.Indicator;
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
import static org.hamcrest.Matchers.equalTo;
import static vn.city.meeting.support.Api.as;
import static vn.city.meeting.support.Api.directive;

/**
 * The loop closes by itself: an indicator that goes off track is proposed on its period's next briefing once, and
 * the secretariat accepts or dismisses it with a kept reason; unfinished tasks are carried over when their events
 * arrive, and reading a pack never writes.
 */
@QuarkusTest
class ProposalsTest {

    @Inject
    AgroalDataSource dataSource;

    static List<Map<String, Object>> items(String meeting, String kind) {
        return as("secretariat").get("/api/meetings/" + meeting).then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.kind == '" + kind + "' }");
    }

    @Test
    void anOffTrackIndicatorIsProposedOnceAndItsDismissalKeepsTheReason() throws Exception {
        int y = ThreadLocalRandom.current().nextInt(2100, 2999);
        String month = y + "-06";
        String unit = Events.random("D-P");
        Indicator forest = new Indicator(Events.random("FOREST"), "Diện tích rừng trồng mới", "ha", "FLOW",
                "HIGHER_IS_BETTER", "Lâm nghiệp", unit, "SUM_OF_UNITS", "PERCENT", 1);
        Indicator retail = new Indicator(Events.random("RETAIL"), "Tổng mức bán lẻ hàng hóa", "tỷ đồng", "FLOW",
                "HIGHER_IS_BETTER", "Thương mại – dịch vụ", unit, "OWNER_REPORTED", "PERCENT", 1);
        try (Events events = new Events()) {
            events.unit(unit, "Phòng Kinh tế thử", "DEPARTMENT");
            ReadModel.awaitUnits(dataSource, List.of(unit));
            // Behind before any briefing of the period exists: proposed when the briefing is scheduled.
            events.cityResult(retail, month, 1, "FIGURE", Map.of("value", 200, "yearToDate", 900, "target", 3400,
                    "attainmentPercent", 26.47, "expectedPercent", 50, "status", "BEHIND"));
        }
        await().atMost(Duration.ofSeconds(120)).until(() ->
                ReadModel.count(dataSource, "select count(*) from city_result where indicator_code = ?", retail.code()) == 1);
        String meeting = Api.schedule(Api.meeting("MONTHLY_BRIEFING", "Giao ban tháng " + month, month,
                OffsetDateTime.parse(month + "-28T08:00:00Z"), List.of(unit)));
        assertThat(items(meeting, "OFF_TRACK")).extracting(i -> i.get("indicatorCode")).containsExactly(retail.code());

        try (Events events = new Events()) {
            // Goes behind while the briefing is scheduled: proposed as the event arrives, and only once.
            events.cityResult(forest, month, 1, "FIGURE", Map.of("value", 20, "yearToDate", 20, "target", 100,
                    "attainmentPercent", 20, "expectedPercent", 50, "status", "BEHIND"));
            events.cityResult(forest, month, 2, "FIGURE", Map.of("value", 22, "yearToDate", 22, "target", 100,
                    "attainmentPercent", 22, "expectedPercent", 50, "status", "BEHIND"));
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(() ->
                ReadModel.count(dataSource, "select count(*) from city_result where indicator_code = ? and revision = 2",
                        forest.code()) == 1 && items(meeting, "OFF_TRACK").size() == 2);
        Map<String, Object> proposed = items(meeting, "OFF_TRACK").stream()
                .filter(i -> forest.code().equals(i.get("indicatorCode"))).findFirst().orElseThrow();
        assertThat(proposed.get("proposalStatus")).isEqualTo("PROPOSED");
        assertThat(proposed.get("title").toString()).contains("Diện tích rừng trồng mới");

        // Dismissing needs a reason; the reason is kept.
        String item = proposed.get("id").toString();
        as("secretariat").body(Map.of("decision", "DISMISSED"))
                .post("/api/meetings/" + meeting + "/items/" + item + "/proposal").then().statusCode(422);
        as("officer-fin").body(Map.of("decision", "DISMISSED", "reason", "x"))
                .post("/api/meetings/" + meeting + "/items/" + item + "/proposal").then().statusCode(403);
        String reason = "Đã kiểm điểm tại hội nghị chuyên đề lâm nghiệp ngày 20/6";
        as("secretariat").body(Map.of("decision", "DISMISSED", "reason", reason))
                .post("/api/meetings/" + meeting + "/items/" + item + "/proposal").then().statusCode(200)
                .body("proposalStatus", equalTo("DISMISSED")).body("proposalReason", equalTo(reason))
                .body("proposalDecidedBy", equalTo("secretariat"));
        as("secretariat").body(Map.of("decision", "ACCEPTED", "reason", "đổi ý"))
                .post("/api/meetings/" + meeting + "/items/" + item + "/proposal").then().statusCode(409);
        String retailItem = items(meeting, "OFF_TRACK").stream()
                .filter(i -> retail.code().equals(i.get("indicatorCode"))).findFirst().orElseThrow().get("id").toString();
        as("secretariat").body(Map.of("decision", "ACCEPTED", "reason", "Phòng Kinh tế báo cáo giải pháp"))
                .post("/api/meetings/" + meeting + "/items/" + retailItem + "/proposal").then().statusCode(200)
                .body("proposalStatus", equalTo("ACCEPTED"));

        // Back on track, then behind again; a second briefing of the same period: never proposed twice.
        try (Events events = new Events()) {
            events.cityResult(forest, month, 3, "FIGURE", Map.of("value", 60, "yearToDate", 60, "target", 100,
                    "attainmentPercent", 60, "expectedPercent", 50, "status", "ON_TRACK"));
            events.cityResult(forest, month, 4, "TARGET", Map.of("value", 60, "yearToDate", 60, "target", 200,
                    "attainmentPercent", 30, "expectedPercent", 50, "status", "BEHIND"));
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> ReadModel.count(dataSource,
                "select count(*) from city_result where indicator_code = ? and revision = 4", forest.code()) == 1);
        String second = Api.schedule(Api.meeting("MONTHLY_BRIEFING", "Giao ban bổ sung tháng " + month, month,
                OffsetDateTime.parse(month + "-29T08:00:00Z"), List.of(unit)));
        assertThat(items(meeting, "OFF_TRACK")).hasSize(2);
        assertThat(items(second, "OFF_TRACK")).isEmpty();
        Map<String, Object> kept = items(meeting, "OFF_TRACK").stream()
                .filter(i -> forest.code().equals(i.get("indicatorCode"))).findFirst().orElseThrow();
        assertThat(kept.get("proposalStatus")).isEqualTo("DISMISSED");
        assertThat(kept.get("proposalReason")).isEqualTo(reason);
    }

    @Test
    void unfinishedTasksAreCarriedOverWhenTheirEventsArriveAndReadingAPackNeverWrites() throws Exception {
        int y = ThreadLocalRandom.current().nextInt(2100, 2999);
        String p1 = y + "-03";
        String p2 = y + "-04";
        String unit = Events.random("W-C");
        try (Events events = new Events()) {
            events.unit(unit, "Phường thử chuyển tiếp", "WARD");
        }
        ReadModel.awaitUnits(dataSource, List.of(unit));
        String m1 = Api.schedule(Api.meeting("MONTHLY_BRIEFING", "Giao ban tháng " + p1, p1,
                OffsetDateTime.parse(p1 + "-28T08:00:00Z"), List.of(unit)));
        as("leader").body(Map.of("text", "Kết luận", "directives",
                List.of(directive("Tháo dỡ công trình lấn chiếm", unit, List.of(), p2 + "-20"))))
                .put("/api/meetings/" + m1 + "/conclusion").then().statusCode(200);
        as("leader").post("/api/meetings/" + m1 + "/conclusion/publish").then().statusCode(200);
        String m2 = Api.schedule(Api.meeting("MONTHLY_BRIEFING", "Giao ban tháng " + p2, p2,
                OffsetDateTime.parse(p2 + "-28T08:00:00Z"), List.of(unit)));

        UUID open = UUID.randomUUID();
        UUID done = UUID.randomUUID();
        try (Events events = new Events()) {
            events.task("task-assigned", open, "Tháo dỡ công trình lấn chiếm", unit, "ASSIGNED", p2, p2 + "-20", null,
                    UUID.fromString(m1), Events.now());
            events.task("task-completed", done, "Báo cáo số liệu", unit, "DONE", p2, p2 + "-10", true,
                    UUID.fromString(m1), Events.now());
        }
        // Nobody reads the pack: the task event alone proposes the carry-over.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                .until(() -> items(m2, "CARRY_OVER").stream().anyMatch(i -> open.toString().equals(i.get("taskId"))));
        assertThat(items(m2, "CARRY_OVER")).extracting(i -> i.get("taskId")).doesNotContain(done.toString());

        // A read neither writes nor waits: with the meeting row locked by another transaction, the pack still
        // answers at once, and nothing of the meeting changes.
        String before = digest(m2);
        try (var c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var st = c.prepareStatement("select id from meeting where id = ?::uuid for update")) {
                st.setString(1, m2);
                st.executeQuery();
            }
            for (int i = 0; i < 5; i++) {
                long t = System.nanoTime();
                JsonPath pack = as("viewer").get("/api/packs/" + m2).then().statusCode(200).extract().jsonPath();
                assertThat((System.nanoTime() - t) / 1_000_000).as("ms while the meeting row is locked").isLessThan(5_000);
                assertThat(pack.getList("carryOver.taskId", String.class)).contains(open.toString());
            }
            c.rollback();
        }
        assertThat(digest(m2)).as("the meeting's rows after reading its pack").isEqualTo(before);

        // The explicit action proposes nothing new and stays idempotent.
        as("secretariat").post("/api/meetings/" + m2 + "/carry-over").then().statusCode(200);
        assertThat(items(m2, "CARRY_OVER").stream().filter(i -> open.toString().equals(i.get("taskId")))).hasSize(1);
    }

    /** A digest of every row of the meeting: itself, its agenda items, opinions, conclusions and frozen pack. */
    private String digest(String meeting) throws Exception {
        try (var c = dataSource.getConnection(); var st = c.prepareStatement("""
                select md5(coalesce((select row_to_json(m)::text from meeting m where m.id = ?::uuid), '')
                    || coalesce((select string_agg(row_to_json(a)::text, ',' order by a.id) from agenda_item a
                                 where a.meeting_id = ?::uuid), '')
                    || coalesce((select string_agg(row_to_json(o)::text, ',' order by o.id) from opinion o
                                 join agenda_item a on a.id = o.item_id where a.meeting_id = ?::uuid), '')
                    || coalesce((select string_agg(row_to_json(k)::text, ',' order by k.id) from conclusion k
                                 where k.meeting_id = ?::uuid), '')
                    || coalesce((select row_to_json(f)::text from frozen_pack f where f.meeting_id = ?::uuid), ''))
                """)) {
            for (int i = 1; i <= 5; i++) {
                st.setString(i, meeting);
            }
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
