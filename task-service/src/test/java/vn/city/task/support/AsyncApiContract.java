package vn.city.task.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The AsyncAPI document of the service, and a check that an event carries what it declares as required. */
public final class AsyncApiContract {

    private static final JsonNode DOC = load();

    private AsyncApiContract() {
    }

    private static JsonNode load() {
        try (InputStream in = AsyncApiContract.class.getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode document() {
        return DOC;
    }

    /** Message name (the CloudEvents type) → message definition. */
    public static Map<String, JsonNode> messagesByType() {
        Map<String, JsonNode> out = new HashMap<>();
        DOC.path("components").path("messages").forEach(m -> out.put(m.path("name").asText(), m));
        return out;
    }

    /** The problems of an envelope against its declared message: empty when it conforms. */
    public static List<String> violations(JsonNode envelope) {
        List<String> problems = new ArrayList<>();
        String type = envelope.path("type").asText();
        JsonNode message = messagesByType().get(type);
        if (message == null) {
            problems.add("event type " + type + " is not declared");
            return problems;
        }
        check(message.path("payload"), envelope, "$", problems);
        return problems;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> problems) {
        schema = resolve(schema);
        if (schema.has("allOf")) {
            for (JsonNode part : schema.get("allOf")) {
                check(part, value, path, problems);
            }
        }
        if (schema.has("const") && !schema.get("const").asText().equals(value.asText())) {
            problems.add(path + " must be " + schema.get("const").asText() + " but is " + value);
        }
        if (schema.has("required")) {
            if (!value.isObject()) {
                problems.add(path + " must be an object");
                return;
            }
            for (JsonNode field : schema.get("required")) {
                if (!value.has(field.asText())) {
                    problems.add(path + "." + field.asText() + " is required but missing");
                }
            }
        }
        if (schema.has("enum") && !value.isNull()) {
            boolean found = false;
            for (JsonNode allowed : schema.get("enum")) {
                found |= allowed.asText().equals(value.asText());
            }
            if (!found) {
                problems.add(path + " = " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (schema.has("properties") && value.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = schema.get("properties").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> p = it.next();
                if (value.has(p.getKey()) && !value.get(p.getKey()).isNull()) {
                    check(p.getValue(), value.get(p.getKey()), path + "." + p.getKey(), problems);
                }
            }
        }
    }

    private static JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            JsonNode target = DOC;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            schema = target;
        }
        return schema;
    }
}
