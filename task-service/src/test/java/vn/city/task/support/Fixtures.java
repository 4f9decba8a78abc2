package vn.city.task.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import vn.city.common.testing.AsyncApiContract;
import vn.city.common.testing.TopicWriter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.awaitility.Awaitility.await;

/** Test data: units announced on the real indicator topic, event envelopes as the other services write them. */
public final class Fixtures {

    public static final String INDICATOR_TOPIC = "test.indicator-events";
    public static final String MEETING_TOPIC = "test.meeting-events";
    public static final String TASK_TOPIC = "test.task-events";
    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private Fixtures() {
    }

    /** A fresh unit code, so a test's statistics are its own. */
    public static String randomUnit() {
        return "T-" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36).toUpperCase();
    }

    /** Publishes {@code unit-changed} for each code and waits until the read model has them all. */
    public static void units(AgroalDataSource db, String... codes) {
        announce(true, codes);
        await().atMost(Duration.ofSeconds(60)).until(() -> countUnits(db, codes) == codes.length);
    }

    /** Announces the units as no longer active (merged away, say) and waits until the read model knows. */
    public static void retire(AgroalDataSource db, String... codes) {
        announce(false, codes);
        await().atMost(Duration.ofSeconds(60)).until(() -> countUnits(db, codes) == 0);
    }

    private static void announce(boolean active, String... codes) {
        try (TopicWriter writer = new TopicWriter()) {
            for (String code : codes) {
                writer.send(INDICATOR_TOPIC, code, unitChanged(code, active));
            }
        }
    }

    /** A {@code unit-changed} envelope for the code (the kind from its prefix: C- commune, W- ward, else department). */
    public static String unitChanged(String code, boolean active) {
        ObjectNode data = JSON.createObjectNode();
        data.put("code", code);
        data.put("name", "Đơn vị " + code);
        data.put("kind", code.startsWith("C-") ? "COMMUNE" : code.startsWith("W-") ? "WARD" : "DEPARTMENT");
        data.put("parentCode", "CITY");
        data.put("active", active);
        data.put("validFrom", "2020-01-01");
        data.putNull("validTo");
        data.putArray("predecessorCodes");
        data.putArray("successorCodes");
        return envelope("/city/indicator-service", "city.indicator.unit-changed.v1", code, data);
    }

    public static String envelope(String source, String type, String subject, JsonNode data) {
        return envelope(UUID.randomUUID().toString(), source, type, subject, data);
    }

    /**
     * An event as its producer would publish it, checked against the producer's own asyncapi.yaml (read from the
     * producer's module, so a producer change that breaks task-service fails here).
     */
    public static String envelope(String id, String source, String type, String subject, JsonNode data) {
        return AsyncApiContract.fromProducer(unchecked(id, source, type, subject, data));
    }

    /** An envelope that is not checked: for tests of what the consumer does with a broken event. */
    public static String unchecked(String id, String source, String type, String subject, JsonNode data) {
        ObjectNode e = JSON.createObjectNode();
        e.put("specversion", "1.0");
        e.put("id", id);
        e.put("source", source);
        e.put("type", type);
        e.put("time", "2022-06-30T09:00:00Z");
        e.put("subject", subject);
        e.put("datacontenttype", "application/json");
        e.set("data", data);
        return e.toString();
    }

    public static ObjectNode directive(String id, String title, String lead, List<String> coordinating,
                                       String deadline, boolean ongoing, String priority, List<String> indicators) {
        ObjectNode d = JSON.createObjectNode();
        d.put("directiveId", id);
        d.put("title", title);
        d.put("content", title + ". Nội dung chi tiết theo kết luận của Chủ tịch UBND thành phố.");
        d.put("leadUnit", lead);
        ArrayNode c = d.putArray("coordinatingUnits");
        coordinating.forEach(c::add);
        if (deadline == null) {
            d.putNull("deadline");
        } else {
            d.put("deadline", deadline);
        }
        d.put("ongoing", ongoing);
        d.put("priority", priority);
        ArrayNode i = d.putArray("indicatorCodes");
        indicators.forEach(i::add);
        return d;
    }

    public static ObjectNode concluded(String meetingId, int version, List<ObjectNode> directives) {
        ObjectNode c = JSON.createObjectNode();
        c.put("meetingId", meetingId);
        c.put("conclusionId", UUID.nameUUIDFromBytes(meetingId.getBytes()).toString());
        c.put("version", version);
        if (version > 1) {
            c.put("correctsVersion", version - 1);
        } else {
            c.putNull("correctsVersion");
        }
        c.put("meetingTitle", "UBND thành phố Bắc Kạn họp giao ban tháng 7/2022");
        c.put("period", "2022-07");
        c.put("chair", "leader");
        c.put("concludedAt", "2022-06-30T10:00:00Z");
        c.put("text", "Trên cơ sở các ý kiến thảo luận, đồng chí Chủ tịch UBND thành phố kết luận.");
        ArrayNode a = c.putArray("directives");
        directives.forEach(a::add);
        return c;
    }

    public static long count(AgroalDataSource db, String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(AgroalDataSource db, String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long countUnits(AgroalDataSource db, String... codes) {
        return count(db, "select count(*) from org_unit where active and code = any (?)",
                (Object) codes);
    }

    /** The JSON of a new ad-hoc task (a leader's), as a client would send it. */
    public static String newTask(String title, String lead, String coordinatingJson, String deadline, String period) {
        return """
                {"title": "%s", "content": "Nội dung: %s", "source": {"kind": "AD_HOC"},
                 "leadUnit": "%s", "coordinatingUnits": %s, "deadline": %s, "ongoing": %s,
                 "priority": "HIGH", "indicatorCodes": ["RETAIL"], "period": "%s"}"""
                .formatted(title, title, lead, coordinatingJson, deadline == null ? "null" : "\"" + deadline + "\"",
                        deadline == null, period);
    }
}
