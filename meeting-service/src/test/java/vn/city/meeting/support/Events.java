package vn.city.meeting.support;

import vn.city.common.testing.AsyncApiContract;
import vn.city.common.testing.TopicWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;


import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Acts as the indicator-service and the task-service: publishes their envelopes to the real test topics, each checked
 * against the producer's asyncapi.yaml first ({@link AsyncApiContract#fromProducer}).
 */
public final class Events implements AutoCloseable {

    /** "test." by default; a run on topics of its own sets -Dcity.test.topic-prefix (with the channels' topics). */
    public static final String PREFIX = System.getProperty("city.test.topic-prefix", "test.");
    public static final String INDICATOR_TOPIC = PREFIX + "indicator-events";
    public static final String TASK_TOPIC = PREFIX + "task-events";
    public static final String MEETING_TOPIC = PREFIX + "meeting-events";
    public static final String DEAD_LETTER_TOPIC = PREFIX + "meeting-service.dlq";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The name each unit code was last published with in this JVM: the topic is shared with the other modules' test
     * runs (task-service's fixtures announce the same codes under other names), so a test waits for its own names.
     */
    static final Map<String, String> PUBLISHED_UNIT_NAMES = new java.util.concurrent.ConcurrentHashMap<>();

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
        // What this test publishes as indicator-service or task-service must be what that producer's own
        // asyncapi.yaml allows (read from its module, never copied): a producer change a consumer does not follow
        // fails here.
        return AsyncApiContract.fromProducer(e.toString());
    }

    public void unit(String code, String name, String kind) {
        writer.send(INDICATOR_TOPIC, code, unitEnvelope(code, name, kind));
    }

    /** The envelope of {@link #unit}, not sent. */
    public String unitEnvelope(String code, String name, String kind) {
        Map<String, Object> data = fields("code", code, "name", name, "kind", kind,
                "parentCode", "CITY".equals(kind) ? null : "CITY", "active", true, "validFrom", "2015-01-01",
                "validTo", null, "predecessorCodes", List.of(), "successorCodes", List.of());
        PUBLISHED_UNIT_NAMES.put(code, name);
        return envelope("city.indicator.unit-changed.v1", code, data, now());
    }

    public void target(String indicator, int year, BigDecimal value, String kind) {
        Map<String, Object> data = new java.util.HashMap<>(Map.of("indicatorCode", indicator, "year", year,
                "value", value, "kind", kind, "documentNumber", "NQ-" + year, "documentDate", year + "-01-05",
                "revision", 1));
        data.put("unitCode", null);
        writer.send(INDICATOR_TOPIC, indicator, envelope("city.indicator.target-set.v1", indicator, data, now()));
    }

    /** An indicator of the catalogue, as indicator-changed announces it (the agreed contract's fields). */
    public record Indicator(String code, String name, String measureUnit, String nature, String direction,
                            String category, String ownerUnit, String aggregation, String changeKind, int decimals) {
    }

    public void indicator(Indicator i, List<String> reportingUnits) {
        Map<String, Object> data = new java.util.HashMap<>();
        data.put("code", i.code());
        data.put("name", i.name());
        data.put("measureUnit", i.measureUnit());
        data.put("nature", i.nature());
        data.put("direction", i.direction());
        data.put("ownerUnit", i.ownerUnit());
        data.put("category", i.category());
        data.put("active", true);
        data.put("allowNegative", false);
        data.put("reportingUnits", reportingUnits);
        data.put("aggregation", i.aggregation());
        data.put("numeratorCode", null);
        data.put("denominatorCode", null);
        data.put("changeKind", i.changeKind());
        data.put("decimals", i.decimals());
        writer.send(INDICATOR_TOPIC, i.code(), envelope("city.indicator.indicator-changed.v1", i.code(), data, now()));
    }

    /** The fields of a Result (the unit's own, or the city's), every required one present, absent numbers null. */
    public static Map<String, Object> result(String unit, String period, String version, Map<String, Object> given,
                                             String changeKind) {
        Map<String, Object> r = new java.util.HashMap<>();
        for (String f : List.of("value", "yearToDate", "target", "attainmentPercent", "expectedPercent",
                "samePeriodLastYear", "change")) {
            r.put(f, given.get(f));
        }
        r.put("unitCode", unit);
        r.put("period", period);
        r.put("changeKind", given.getOrDefault("changeKind", changeKind));
        r.put("status", given.getOrDefault("status", "NO_TARGET"));
        r.put("currentVersion", version);
        return r;
    }

    /**
     * A unit's figure-submitted as indicator-service publishes it: the unit's own result, and the city's result as
     * indicator-service formed it (null when it forms none).
     */
    public String submitted(Indicator i, String unit, String period, String version, BigDecimal value,
                            Map<String, Object> own, Map<String, Object> city) {
        String submissionId = UUID.randomUUID().toString();
        String subject = i.code() + "/" + unit + "/" + period;
        writer.send(INDICATOR_TOPIC, subject, submittedEnvelope(submissionId, i, unit, period, version, value, own, city));
        return submissionId;
    }

    /** The envelope of {@link #submitted} for a given submission id, with an event id of its own, not sent. */
    public String submittedEnvelope(String submissionId, Indicator i, String unit, String period, String version,
                                    BigDecimal value, Map<String, Object> own, Map<String, Object> city) {
        Map<String, Object> ownWithValue = new java.util.HashMap<>(own);
        ownWithValue.putIfAbsent("value", value);
        Map<String, Object> data = new java.util.HashMap<>();
        data.put("submissionId", submissionId);
        data.put("indicatorCode", i.code());
        data.put("indicatorName", i.name());
        data.put("measureUnit", i.measureUnit());
        data.put("nature", i.nature());
        data.put("direction", i.direction());
        data.put("unitCode", unit);
        data.put("period", period);
        data.put("version", version);
        data.put("value", value);
        data.put("submittedBy", "officer");
        data.put("submittedAt", now().toString());
        data.put("onTime", true);
        data.put("outlier", false);
        data.put("result", result(unit, period, version, ownWithValue, i.changeKind()));
        if (city == null) {
            data.put("cityResult", null);
        } else {
            Map<String, Object> c = result("CITY", period, version, city, i.changeKind());
            c.put("aggregation", i.aggregation());
            c.put("partial", city.getOrDefault("partial", false));
            c.put("contributingUnits", city.getOrDefault("contributingUnits", List.of(unit)));
            c.put("missingUnits", city.getOrDefault("missingUnits", List.of()));
            data.put("cityResult", c);
        }
        return envelope("city.indicator.figure-submitted.v1", i.code() + "/" + unit + "/" + period, data, now());
    }

    /** city-result-changed: the city's result of one indicator for one period, with its revision. */
    public void cityResult(Indicator i, String period, long revision, String cause, Map<String, Object> fields) {
        Map<String, Object> data = new java.util.HashMap<>();
        data.put("indicatorCode", i.code());
        data.put("indicatorName", i.name());
        data.put("measureUnit", i.measureUnit());
        data.put("nature", i.nature());
        data.put("direction", i.direction());
        data.put("category", i.category());
        data.put("ownerUnit", i.ownerUnit());
        data.put("aggregation", i.aggregation());
        data.put("changeKind", i.changeKind());
        data.put("decimals", i.decimals());
        data.put("period", period);
        data.put("formedFromMonths", fields.getOrDefault("formedFromMonths", false));
        for (String f : List.of("value", "yearToDate", "target", "attainmentPercent", "expectedPercent",
                "samePeriodLastYear", "change")) {
            data.put(f, fields.get(f));
        }
        data.put("status", fields.getOrDefault("status", "NO_TARGET"));
        data.put("partial", fields.getOrDefault("partial", false));
        data.put("contributingUnits", fields.getOrDefault("contributingUnits", List.of()));
        data.put("missingUnits", fields.getOrDefault("missingUnits", List.of()));
        data.put("revision", revision);
        data.put("computedAt", now().toString());
        data.put("cause", cause);
        String subject = i.code() + "/" + period;
        writer.send(INDICATOR_TOPIC, subject, envelope("city.indicator.city-result-changed.v1", subject, data, now()));
    }

    /** A task event whose snapshot is built from the arguments. */
    public void task(String type, UUID taskId, String title, String leadUnit, String status, String period,
                     String deadline, Boolean completedOnTime, UUID sourceMeetingId, OffsetDateTime time) {
        task(type, taskId, title, leadUnit, status, period, deadline, completedOnTime, false, sourceMeetingId, time);
    }

    /** An open ad-hoc task with coordinating units. */
    public void task(String type, UUID taskId, String title, String leadUnit, List<String> coordinating, String period,
                     String deadline, OffsetDateTime time) {
        task(type, taskId, title, leadUnit, coordinating, "ASSIGNED", period, deadline, null, false, null, time);
    }

    public void task(String type, UUID taskId, String title, String leadUnit, String status, String period,
                     String deadline, Boolean completedOnTime, boolean overdue, UUID sourceMeetingId,
                     OffsetDateTime time) {
        task(type, taskId, title, leadUnit, List.of(), status, period, deadline, completedOnTime, overdue,
                sourceMeetingId, time);
    }

    public void task(String type, UUID taskId, String title, String leadUnit, List<String> coordinating,
                     String status, String period, String deadline, Boolean completedOnTime, boolean overdue,
                     UUID sourceMeetingId, OffsetDateTime time) {
        Map<String, Object> source = new java.util.HashMap<>();
        source.put("kind", sourceMeetingId == null ? "AD_HOC" : "CONCLUSION");
        source.put("meetingId", sourceMeetingId == null ? null : sourceMeetingId.toString());
        source.put("conclusionVersion", sourceMeetingId == null ? null : 1);
        source.put("directiveId", null);
        source.put("documentNumber", null);
        source.put("documentDate", null);
        Map<String, Object> task = new java.util.HashMap<>();
        task.put("taskId", taskId.toString());
        task.put("title", title);
        task.put("content", title);
        task.put("leadUnit", leadUnit);
        task.put("coordinatingUnits", coordinating);
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
        // the fields each event type carries beside the task, as task-service's asyncapi.yaml requires them
        switch (type) {
            case "task-completed" -> data.put("onTime", completedOnTime == null || completedOnTime);
            case "task-overdue" -> data.put("deadline", deadline);
            case "task-submitted" -> {
                data.put("result", title);
                data.put("submittedBy", "officer");
            }
            case "task-returned", "task-cancelled" -> data.put("reason", title);
            default -> {
            }
        }
        writer.send(TASK_TOPIC, taskId.toString(), envelope("city.task." + type + ".v1", taskId.toString(), data, time));
    }

    public void raw(String topic, String key, String value) {
        writer.send(topic, key, value);
    }

    /** A map of fields from name, value pairs (values may be null; more pairs than Map.of takes). */
    public static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1]);
        }
        return out;
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    @Override
    public void close() {
        writer.close();
    }
}
