package vn.city.meeting.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The producer's own document, {@code ../indicator-service/src/main/resources/asyncapi.yaml} (read, never copied):
 * every payload this module's tests publish as indicator-service carries each field the producer's schema requires,
 * with a type the schema allows, down through object references. Until common's shared AsyncAPI contract helper
 * (issue 11) lands, this is the check; then it should call that helper instead.
 */
public final class ProducerContract {

    private static final Path DOCUMENT = Path.of("..", "indicator-service", "src", "main", "resources", "asyncapi.yaml");
    private static JsonNode doc;

    private ProducerContract() {
    }

    private static synchronized JsonNode doc() {
        if (doc == null) {
            try {
                doc = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(DOCUMENT));
            } catch (IOException e) {
                throw new IllegalStateException("the producer's AsyncAPI document " + DOCUMENT.toAbsolutePath(), e);
            }
        }
        return doc;
    }

    /** Fails when {@code data} breaks the payload schema of the message named {@code type}. */
    public static void check(String type, JsonNode data) {
        JsonNode message = null;
        for (JsonNode m : doc().path("components").path("messages")) {
            if (type.equals(m.path("name").asText())) {
                message = m;
            }
        }
        if (message == null) {
            throw new AssertionError("the producer's document has no message " + type);
        }
        List<String> problems = new ArrayList<>();
        check(resolve(message.path("payload")), data, "data", problems);
        if (!problems.isEmpty()) {
            throw new AssertionError(type + " does not match the producer's document: " + problems);
        }
    }

    private static JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        while (s.has("$ref")) {
            JsonNode target = doc();
            for (String part : s.path("$ref").asText().replaceFirst("^#/", "").split("/")) {
                target = target.path(part);
            }
            s = target;
        }
        return s;
    }

    private static void check(JsonNode schema, JsonNode value, String at, List<String> problems) {
        schema = resolve(schema);
        List<String> types = new ArrayList<>();
        if (schema.path("type").isArray()) {
            schema.path("type").forEach(t -> types.add(t.asText()));
        } else if (schema.has("type")) {
            types.add(schema.path("type").asText());
        }
        if (value == null || value.isNull()) {
            if (!types.isEmpty() && !types.contains("null")) {
                problems.add(at + " is null");
            }
            return;
        }
        if (!types.isEmpty() && types.stream().noneMatch(t -> matches(t, value))) {
            problems.add(at + " is not " + types);
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode e : schema.path("enum")) {
                listed |= e.equals(value);
            }
            if (!listed) {
                problems.add(at + " = " + value + " is not one of " + schema.path("enum"));
            }
        }
        if (value.isObject()) {
            schema.path("required").forEach(r -> {
                if (!value.has(r.asText())) {
                    problems.add(at + "." + r.asText() + " is missing");
                }
            });
            schema.path("properties").fields().forEachRemaining(p -> {
                if (value.has(p.getKey())) {
                    check(p.getValue(), value.get(p.getKey()), at + "." + p.getKey(), problems);
                }
            });
        }
        if (value.isArray() && schema.has("items")) {
            int i = 0;
            for (JsonNode item : value) {
                check(schema.path("items"), item, at + "[" + i++ + "]", problems);
            }
        }
    }

    private static boolean matches(String type, JsonNode v) {
        return switch (type) {
            case "string" -> v.isTextual();
            case "number" -> v.isNumber();
            case "integer" -> v.isIntegralNumber();
            case "boolean" -> v.isBoolean();
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "null" -> v.isNull();
            default -> true;
        };
    }
}
