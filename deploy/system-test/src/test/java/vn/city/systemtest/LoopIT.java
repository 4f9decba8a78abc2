package vn.city.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.city.systemtest.ServiceProcesses.Instance;
import vn.city.systemtest.ServiceProcesses.Service;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole loop as users meet it, across the three processes: figures → off-track → briefing pack → conclusion
 * with directives → tasks → progress and completion → the next briefing's pack (done on time, late, overdue) and
 * its proposed carry-over of the unfinished tasks.
 */
class LoopIT {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static Instance indicator;
    static Instance task;
    static Instance meeting;

    @BeforeAll
    static void services() {
        ServiceProcesses p = ServiceProcesses.get();
        indicator = p.base(Service.INDICATOR);
        task = p.base(Service.TASK);
        meeting = p.base(Service.MEETING);
    }

    @Test
    void figuresToBriefingToTasksToTheNextBriefing() {
        long t0 = System.nanoTime();
        LocalDate today = LocalDate.now(ZONE);
        YearMonth current = YearMonth.from(today);
        YearMonth last = current.minusMonths(1);
        int year = last.getYear();
        // a fresh database per run, but keep the loop independent of the other tests' data: own indicators
        String suffix = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
        String behind = "ST_SALES_" + suffix;
        String onTrack = "ST_REVENUE_" + suffix;
        Steps.createIndicator(behind, "Tổng mức bán lẻ (kiểm thử hệ thống)", "tỷ đồng", "ECO", List.of("CITY", "ECO"));
        Steps.createIndicator(onTrack, "Thu ngân sách (kiểm thử hệ thống)", "tỷ đồng", "FIN", List.of("CITY", "FIN", "W-SONGCAU"));
        Steps.setTarget(behind, year, "3000");
        Steps.setTarget(onTrack, year, "120");

        // 1. officers submit a month's figures; one indicator falls behind
        Steps.submit("officer-eco", behind, "ECO", last.toString(), "50", "60");
        Steps.submit("officer-fin", onTrack, "FIN", last.toString(), "10", "112");
        Steps.submit("officer-songcau", onTrack, "W-SONGCAU", last.toString(), "1", "8");

        // 2. the secretariat schedules the briefing of that month
        OffsetDateTime firstStarts = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).truncatedTo(ChronoUnit.SECONDS);
        UUID first = Steps.schedule("Họp giao ban tháng " + last.getMonthValue() + "/" + year, last.toString(), firstStarts);

        // 3. its pack shows the figures, the off-track indicator first
        // other tests' indicators of the same period share the pack: the rule is "off-track lines first"
        JsonNode pack = await("pack of the first briefing shows both indicators, the off-track ones first")
                .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> Api.json(Api.as("secretariat", meeting).get("/api/packs/" + first)),
                        p -> codes(p).contains(behind) && codes(p).contains(onTrack)
                                && line(p, behind).path("offTrack").asBoolean());
        assertThat(offTrackFlags(pack)).as("off-track lines come before the others").isSortedAccordingTo(
                java.util.Comparator.reverseOrder());
        JsonNode behindLine = line(pack, behind);
        JsonNode onTrackLine = line(pack, onTrack);
        assertThat(behindLine.path("offTrack").asBoolean()).isTrue();
        assertThat(behindLine.path("status").asText()).isEqualTo("BEHIND");
        assertThat(behindLine.path("target").decimalValue()).isEqualByComparingTo("3000");
        assertThat(behindLine.path("value").decimalValue()).isEqualByComparingTo("50");
        assertThat(behindLine.path("attainmentPercent").decimalValue())
                .isLessThan(behindLine.path("expectedPercent").decimalValue());
        assertThat(onTrackLine.path("target").decimalValue()).isEqualByComparingTo("120");
        assertThat(onTrackLine.path("offTrack").asBoolean()).isFalse();
        assertThat(codes(pack).indexOf(behind)).isLessThan(codes(pack).indexOf(onTrack));

        // 4. the chair concludes with directives
        LocalDate endOfMonth = current.atEndOfMonth();
        LocalDate pastDeadline = today.minusDays(1);
        Api.expect(Api.as("secretariat", meeting).post("/api/meetings/" + first + "/start"), 200);
        List<Map<String, Object>> directives = List.of(
                Steps.directive("Đẩy mạnh kích cầu tiêu dùng", "ECO", endOfMonth, List.of(behind)),
                Steps.directive("Rà soát nguồn thu ngân sách", "FIN", pastDeadline, List.of(onTrack)),
                Steps.directive("Vệ sinh môi trường phường Sông Cầu", "W-SONGCAU", pastDeadline, List.of()),
                Steps.directive("Chuẩn bị báo cáo quý", "ECO", endOfMonth, List.of()));
        Api.expect(Api.as("leader", meeting).body(Map.of("text", "Kết luận của Chủ tịch UBND thành phố",
                "directives", directives)).put("/api/meetings/" + first + "/conclusion"), 200);
        JsonNode published = Api.expect(Api.as("leader", meeting).post("/api/meetings/" + first + "/conclusion/publish"), 200);
        assertThat(published.path("directives")).hasSize(4);

        // 5. the task-service creates the tasks
        JsonNode tasks = await("four tasks from the conclusion").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Api.json(Api.as("leader", task).queryParam("meetingId", first.toString()).get("/api/tasks")),
                        t -> t.isArray() && t.size() == 4);
        Map<String, String> byTitle = new HashMap<>();
        tasks.forEach(t -> byTitle.put(t.path("title").asText(), t.path("taskId").asText()));
        String onTime = byTitle.get("Đẩy mạnh kích cầu tiêu dùng");
        String late = byTitle.get("Rà soát nguồn thu ngân sách");
        String overdue = byTitle.get("Vệ sinh môi trường phường Sông Cầu");
        String unfinished = byTitle.get("Chuẩn bị báo cáo quý");
        assertThat(List.of(onTime, late, overdue, unfinished)).doesNotContainNull();
        tasks.forEach(t -> assertThat(t.path("status").asText()).isEqualTo("ASSIGNED"));

        // 6. officers report progress and completion; the leader accepts
        Steps.work("officer-eco", onTime, 100, true);
        Steps.work("officer-fin", late, 100, true);
        Steps.work("officer-songcau", overdue, 30, false);
        Steps.work("officer-eco", unfinished, 50, false);
        JsonNode doneOnTime = Api.expect(Api.as("leader", task).get("/api/tasks/" + onTime), 200);
        JsonNode doneLate = Api.expect(Api.as("leader", task).get("/api/tasks/" + late), 200);
        assertThat(doneOnTime.path("status").asText()).isEqualTo("DONE");
        assertThat(doneOnTime.path("completedOnTime").asBoolean()).isTrue();
        assertThat(doneLate.path("completedOnTime").asBoolean()).isFalse();

        // the meeting-service learns of it from task-events alone (its live pack of the month shows the states)
        boolean overdueInMonth = !pastDeadline.isBefore(current.atDay(1));
        await("the meeting-service's read model has the tasks' states").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> states(Api.json(Api.as("secretariat", meeting).get("/api/packs/period/" + current))),
                        s -> "DONE_ON_TIME".equals(s.get(onTime)) && "DONE_LATE".equals(s.get(late))
                                && (!overdueInMonth || "OVERDUE".equals(s.get(overdue))));

        // 7. the next briefing's pack: done on time, late, overdue; the unfinished ones proposed for its agenda
        UUID next = Steps.schedule("Họp giao ban tháng " + current.getMonthValue() + "/" + current.getYear(),
                current.toString(), OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.SECONDS));
        JsonNode nextPack = Api.expect(Api.as("secretariat", meeting).get("/api/packs/" + next), 200);
        Map<String, String> states = states(nextPack);
        assertThat(states).containsEntry(onTime, "DONE_ON_TIME").containsEntry(late, "DONE_LATE");
        assertThat(nextPack.path("totals").path("doneOnTime").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(nextPack.path("totals").path("doneLate").asInt()).isGreaterThanOrEqualTo(1);
        if (overdueInMonth) {
            assertThat(states).containsEntry(overdue, "OVERDUE");
        }
        List<String> carried = new ArrayList<>();
        Map<String, Boolean> carriedOverdue = new HashMap<>();
        nextPack.path("carryOver").forEach(c -> {
            if (first.toString().equals(c.path("sourceMeetingId").asText())) {
                carried.add(c.path("taskId").asText());
                carriedOverdue.put(c.path("taskId").asText(), c.path("overdue").asBoolean()
                        || LocalDate.parse(c.path("deadline").asText()).isBefore(today));
            }
        });
        assertThat(carried).containsExactlyInAnyOrder(overdue, unfinished);
        assertThat(carriedOverdue.get(overdue)).isTrue();
        JsonNode nextMeeting = Api.expect(Api.as("secretariat", meeting).get("/api/meetings/" + next), 200);
        List<String> agendaTasks = new ArrayList<>();
        nextMeeting.path("items").forEach(i -> {
            if ("CARRY_OVER".equals(i.path("kind").asText())) {
                agendaTasks.add(i.path("taskId").asText());
            }
        });
        assertThat(agendaTasks).contains(overdue, unfinished).doesNotContain(onTime, late);

        Figures.record("loop", "figures=3 offTrackFirst=%s tasks=4 doneOnTime=1 doneLate=1 overdue=%s carriedOver=%d "
                        + "duration=%d s", behind, overdueInMonth ? 1 : "1 (carry-over)", carried.size(),
                Duration.ofNanos(System.nanoTime() - t0).toSeconds());
    }

    static List<String> codes(JsonNode pack) {
        List<String> out = new ArrayList<>();
        pack.path("indicators").forEach(l -> out.add(l.path("indicatorCode").asText()));
        return out;
    }

    static List<Boolean> offTrackFlags(JsonNode pack) {
        List<Boolean> out = new ArrayList<>();
        pack.path("indicators").forEach(l -> out.add(l.path("offTrack").asBoolean()));
        return out;
    }

    static JsonNode line(JsonNode pack, String code) {
        for (JsonNode l : pack.path("indicators")) {
            if (code.equals(l.path("indicatorCode").asText())) {
                return l;
            }
        }
        throw new AssertionError("no line for " + code + " in " + pack);
    }

    static Map<String, String> states(JsonNode pack) {
        Map<String, String> out = new HashMap<>();
        pack.path("units").forEach(u -> u.path("tasks").forEach(t -> out.put(t.path("taskId").asText(),
                t.path("state").asText())));
        return out;
    }
}
