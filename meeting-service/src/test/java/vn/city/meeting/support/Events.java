package vn.city.meeting.support;

import vn.city.common.testing.TopicWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;


import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Acts as the indicator-service and the task-service: publishes their envelopes to the real test topics. */
public final class Events implements AutoCloseable {

    public static final String INDICATOR_TOPIC = "test.indicator-events";
    public static final String TASK_TOPIC = "test.task-events";
    public static final String MEETING_TOPIC = "test.meeting-events";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TopicWriter writer = new TopicWriter();

    public static String random(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public String envelope(String type, String subject, Object data, OffsetDateTime time) {
        ObjectNode e = JSON.createObjectNode();
        e.put("specversion", "1.0");
        e.put("id", UUID.randomUUID().toString());
        e.put("source", type.startsWith("city.task") ? "/city/task-service" : "/city/indicator-service");
        e.put("type", type);
        e.put("time", time.toString());
        e.put("subject", subject);
        e.put("datacontenttype", "application/json");
        e.set("data", JSON.valueToTree(data));
        return e.toString();
    }

    public void unit(String code, String name, String kind) {
        Map<String, Object> data = Map.of("code", code, "name", name, "kind", kind, "active", true,
                "validFrom", "2015-01-01", "predecessorCodes", List.of(), "successorCodes", List.of());
        writer.send(INDICATOR_TOPIC, code, envelope("city.indicator.unit-changed.v1", code, data, now()));
    }

    public void target(String indicator, int year, BigDecimal value, String kind) {
        Map<String, Object> data = new java.util.HashMap<>(Map.of("indicatorCode", indicator, "year", year,
                "value", value, "kind", kind, "documentNumber", "NQ-" + year, "documentDate", year + "-01-05",
                "revision", 1));
        data.put("unitCode", null);
        writer.send(INDICATOR_TOPIC, indicator, envelope("city.indicator.target-set.v1", indicator, data, now()));
    }

    /** A figure-submitted with the city result carried in {@code result} (cityResult null). */
    public String figure(String indicator, String name, String measureUnit, String nature, String unit, String period,
                         String version, BigDecimal value, Map<String, Object> result) {
        String submissionId = UUID.randomUUID().toString();
        Map<String, Object> r = new java.util.HashMap<>(result);
        r.put("unitCode", unit);
        r.put("period", period);
        r.put("value", value);
        r.putIfAbsent("currentVersion", version);
        Map<String, Object> data = new java.util.HashMap<>();
        data.put("submissionId", submissionId);
        data.put("indicatorCode", indicator);
        data.put("indicatorName", name);
        data.put("measureUnit", measureUnit);
        data.put("nature", nature);
        data.put("direction", "HIGHER_IS_BETTER");
        data.put("unitCode", unit);
        data.put("period", period);
        data.put("version", version);
        data.put("value", value);
        data.put("submittedBy", "officer-fin");
        data.put("submittedAt", now().toString());
        data.put("onTime", true);
        data.put("outlier", false);
        data.put("result", r);
        data.put("cityResult", null);
        String subject = indicator + "/" + unit + "/" + period;
        writer.send(INDICATOR_TOPIC, subject, envelope("city.indicator.figure-submitted.v1", subject, data, now()));
        return submissionId;
    }

    public void offTrack(String indicator, String name, String unit, String period) {
        Map<String, Object> data = Map.of("indicatorCode", indicator, "indicatorName", name, "unitCode", unit,
                "ownerUnit", unit, "period", period, "attainmentPercent", 30, "expectedPercent", 50, "gapPoints", 20);
        String subject = indicator + "/" + unit + "/" + period;
        writer.send(INDICATOR_TOPIC, subject, envelope("city.indicator.indicator-off-track.v1", subject, data, now()));
    }

    /** A task event whose snapshot is built from the arguments. */
    public void task(String type, UUID taskId, String title, String leadUnit, String status, String period,
                     String deadline, Boolean completedOnTime, UUID sourceMeetingId, OffsetDateTime time) {
        task(type, taskId, title, leadUnit, status, period, deadline, completedOnTime, false, sourceMeetingId, time);
    }

    public void task(String type, UUID taskId, String title, String leadUnit, String status, String period,
                     String deadline, Boolean completedOnTime, boolean overdue, UUID sourceMeetingId,
                     OffsetDateTime time) {
        Map<String, Object> source = new java.util.HashMap<>();
        source.put("kind", sourceMeetingId == null ? "AD_HOC" : "CONCLUSION");
        source.put("meetingId", sourceMeetingId == null ? null : sourceMeetingId.toString());
        source.put("conclusionVersion", sourceMeetingId == null ? null : 1);
        source.put("directiveId", null);
        Map<String, Object> task = new java.util.HashMap<>();
        task.put("taskId", taskId.toString());
        task.put("title", title);
        task.put("content", title);
        task.put("leadUnit", leadUnit);
        task.put("coordinatingUnits", List.of());
        task.put("deadline", deadline);
        task.put("ongoing", deadline == null);
        task.put("priority", "NORMAL");
        task.put("indicatorCodes", List.of());
        task.put("period", period);
        task.put("status", status);
        task.put("overdue", overdue);
        task.put("completedAt", "DONE".equals(status) ? time.toString() : null);
        task.put("completedOnTime", completedOnTime);
        task.put("source", source);
        task.put("assignedBy", "leader");
        task.put("assignedAt", time.minusDays(10).toString());
        task.put("progressPercent", "DONE".equals(status) ? 100 : 0);
        Map<String, Object> data = new java.util.HashMap<>();
        data.put("task", task);
        writer.send(TASK_TOPIC, taskId.toString(), envelope("city.task." + type + ".v1", taskId.toString(), data, time));
    }

    public void raw(String topic, String key, String value) {
        writer.send(topic, key, value);
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    @Override
    public void close() {
        writer.close();
    }
}
