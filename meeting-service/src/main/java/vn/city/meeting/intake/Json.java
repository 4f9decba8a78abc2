package vn.city.meeting.intake;

import com.fasterxml.jackson.databind.JsonNode;
import vn.city.common.event.MalformedEventException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Tolerant reading of event payloads: only the fields this service needs, absent ones as null. */
final class Json {

    private Json() {
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    static String required(JsonNode node, String field, String type) {
        String v = text(node, field);
        if (v == null || v.isBlank()) {
            throw new MalformedEventException(type + ": field '" + field + "' is required");
        }
        return v;
    }

    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.asText());
            } catch (NumberFormatException e) {
                throw new MalformedEventException("field '" + field + "' is not a number");
            }
        }
        return null;
    }

    static boolean bool(JsonNode node, String field, boolean fallback) {
        JsonNode v = node.path(field);
        return v.isBoolean() ? v.asBoolean() : fallback;
    }

    static Boolean boolOrNull(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isBoolean() ? v.asBoolean() : null;
    }

    static Integer integer(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.canConvertToInt() ? v.asInt() : null;
    }

    static OffsetDateTime instant(JsonNode node, String field) {
        String v = text(node, field);
        try {
            return v == null ? null : OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("field '" + field + "' is not an ISO-8601 instant");
        }
    }

    static LocalDate date(JsonNode node, String field) {
        String v = text(node, field);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("field '" + field + "' is not an ISO-8601 date");
        }
    }

    static UUID uuid(JsonNode node, String field) {
        String v = text(node, field);
        try {
            return v == null || v.isBlank() ? null : UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("field '" + field + "' is not a UUID");
        }
    }

    static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        node.path(field).forEach(n -> out.add(n.asText()));
        return out;
    }
}
