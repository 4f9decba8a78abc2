package vn.city.indicator.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** The AsyncAPI document of the service, read as the contract a produced event is checked against. */
final class AsyncApiContract {

    private final JsonNode doc;

    AsyncApiContract() {
        try (InputStream in = AsyncApiContract.class.getResourceAsStream("/asyncapi.yaml")) {
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The required fields the document declares for an event type, missing from the envelope's data. */
    List<String> missingRequired(JsonNode envelope) {
        String type = envelope.path("type").asText();
        JsonNode message = null;
        for (JsonNode m : doc.path("components").path("messages")) {
            if (type.equals(m.path("name").asText())) {
                message = m;
            }
        }
        if (message == null) {
            return List.of("<type " + type + " is not declared>");
        }
        List<String> missing = new ArrayList<>();
        check(resolve(message.path("payload")), envelope.path("data"), "data", missing);
        return missing;
    }

    private void check(JsonNode schema, JsonNode value, String path, List<String> missing) {
        if (value == null || value.isNull() || !value.isObject()) {
            return;
        }
        for (JsonNode field : schema.path("required")) {
            if (!value.has(field.asText())) {
                missing.add(path + "." + field.asText());
            }
        }
        schema.path("properties").fields().forEachRemaining(p -> {
            JsonNode sub = resolve(p.getValue());
            if (sub.has("required")) {
                check(sub, value.get(p.getKey()), path + "." + p.getKey(), missing);
            }
        });
    }

    private JsonNode resolve(JsonNode node) {
        if (node.has("$ref")) {
            String[] parts = node.get("$ref").asText().substring(2).split("/");
            JsonNode n = doc;
            for (String part : parts) {
                n = n.path(part);
            }
            return n;
        }
        return node;
    }
}
