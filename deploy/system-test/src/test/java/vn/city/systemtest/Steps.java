package vn.city.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import vn.city.systemtest.ServiceProcesses.Instance;
import vn.city.systemtest.ServiceProcesses.Service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What users do, as API calls to the base service processes. */
final class Steps {

    private Steps() {
    }

    static Instance indicator() {
        return ServiceProcesses.get().base(Service.INDICATOR);
    }

    static Instance task() {
        return ServiceProcesses.get().base(Service.TASK);
    }

    static Instance meeting() {
        return ServiceProcesses.get().base(Service.MEETING);
    }

    static void createIndicator(String code, String name, String measureUnit, String owner, List<String> reporting) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("measureUnit", measureUnit);
        body.put("nature", "FLOW");
        body.put("direction", "HIGHER_IS_BETTER");
        body.put("ownerUnit", owner);
        body.put("category", "Kiểm thử hệ thống");
        body.put("active", true);
        body.put("reportingUnits", reporting);
        Api.expect(Api.as("secretariat", indicator()).body(body).post("/api/indicators"), 201);
    }

    static void setTarget(String code, int year, String value) {
        Map<String, Object> body = new HashMap<>();
        body.put("indicatorCode", code);
        body.put("year", year);
        body.put("unitCode", null);
        body.put("value", new java.math.BigDecimal(value));
        body.put("kind", "RESOLUTION");
        body.put("documentNumber", "NQ-HĐND " + year);
        body.put("documentDate", (year - 1) + "-12-20");
        Api.expect(Api.as("secretariat", indicator()).body(body).post("/api/targets"), 201);
    }

    static JsonNode submit(String user, String code, String unit, String period, String value, String ytd) {
        Map<String, Object> body = new HashMap<>();
        body.put("indicatorCode", code);
        body.put("unitCode", unit);
        body.put("period", period);
        body.put("version", "ESTIMATE");
        body.put("value", new java.math.BigDecimal(value));
        if (ytd != null) {
            body.put("yearToDate", new java.math.BigDecimal(ytd));
        }
        body.put("note", "ước thực hiện tháng " + period);
        return Api.expect(Api.as(user, indicator()).body(body).post("/api/figures"), 201);
    }

    static UUID schedule(String title, String period, OffsetDateTime startsAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "MONTHLY_BRIEFING");
        body.put("title", title);
        body.put("period", period);
        body.put("startsAt", startsAt.toString());
        body.put("place", "Phòng họp UBND thành phố");
        body.put("chair", "Chủ tịch UBND thành phố");
        body.put("attendeeUnits", List.of("ECO", "FIN", "W-SONGCAU"));
        body.put("attendeePeople", List.of("Chủ tịch UBND thành phố"));
        JsonNode m = Api.expect(Api.as("secretariat", meeting()).body(body).post("/api/meetings"), 201);
        return UUID.fromString(m.path("id").asText());
    }

    static Map<String, Object> directive(String title, String lead, LocalDate deadline, List<String> indicators) {
        Map<String, Object> d = new HashMap<>();
        d.put("title", title);
        d.put("content", title + ": chủ trì, phối hợp với các đơn vị liên quan tổ chức thực hiện.");
        d.put("leadUnit", lead);
        d.put("coordinatingUnits", List.of());
        d.put("deadline", deadline == null ? null : deadline.toString());
        d.put("ongoing", deadline == null);
        d.put("priority", "HIGH");
        d.put("indicatorCodes", indicators);
        return d;
    }

    /** The lead unit's officer starts, reports {@code percent}; when {@code complete}, submits and a leader accepts. */
    static void work(String officer, String taskId, int percent, boolean complete) {
        Api.expect(Api.as(officer, task()).post("/api/tasks/" + taskId + "/start"), 200);
        Api.expect(Api.as(officer, task()).body(Map.of("percent", percent, "text", "Đã triển khai " + percent + "%"))
                .post("/api/tasks/" + taskId + "/progress"), 201);
        if (complete) {
            Api.expect(Api.as(officer, task()).body(Map.of("result", "Hoàn thành, báo cáo số 12/BC"))
                    .post("/api/tasks/" + taskId + "/submit"), 200);
            Api.expect(Api.as("leader", task()).body(Map.of("note", "Đạt yêu cầu"))
                    .post("/api/tasks/" + taskId + "/accept"), 200);
        }
    }


    /** The secretariat opens the meeting, the chair drafts and publishes the conclusion. */
    static JsonNode conclude(UUID meeting, List<Map<String, Object>> directives) {
        Api.expect(Api.as("secretariat", meeting()).post("/api/meetings/" + meeting + "/start"), 200);
        Api.expect(Api.as("leader", meeting()).body(Map.of("text", "Kết luận của Chủ tịch UBND thành phố",
                "directives", directives)).put("/api/meetings/" + meeting + "/conclusion"), 200);
        return Api.expect(Api.as("leader", meeting()).post("/api/meetings/" + meeting + "/conclusion/publish"), 200);
    }

    /** A briefing of {@code period} starting now, concluded with {@code directives}; returns the meeting id. */
    static UUID briefingWithDirectives(String title, String period, List<Map<String, Object>> directives) {
        UUID m = schedule(title, period, OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(5)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        conclude(m, directives);
        return m;
    }

    static String lastMonth() {
        return java.time.YearMonth.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusMonths(1).toString();
    }

    static String suffix() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    }
}
