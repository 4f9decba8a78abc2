package vn.city.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A module's AsyncAPI document as the one contract of its events, read from the module's source folder (never a
 * copy): {@code AsyncApiContract.of("indicator-service")} from any module of the repository. Producers check what
 * they publish, consumers check what their tests feed them, against the same document.
 *
 * <p>A message is found by its CloudEvents type ({@code name} or {@code x-cloudevents-type}). Its payload schema is
 * either the whole envelope or only {@code data}; both are validated with a JSON Schema (draft 2019-09) validator,
 * {@code $ref}s resolved inside the document.
 */
public final class AsyncApiContract {

    private static final Map<String, AsyncApiContract> LOADED = new ConcurrentHashMap<>();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909);

    private final String module;
    private final JsonNode document;
    private final Map<String, JsonSchema> validators = new ConcurrentHashMap<>();

    private AsyncApiContract(String module, JsonNode document) {
        this.module = module;
        this.document = document;
    }

    /** The document of a module ({@code indicator-service}, {@code task-service}, {@code meeting-service}). */
    public static AsyncApiContract of(String module) {
        return LOADED.computeIfAbsent(module, m -> {
            Path file = documentOf(m);
            try {
                return new AsyncApiContract(m, YAML.readTree(file.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        });
    }

    /** Where a module's document lives: {@code <repository>/<module>/src/main/resources/asyncapi.yaml}. */
    public static Path documentOf(String module) {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve(module).resolve("src/main/resources/asyncapi.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + module + "/src/main/resources/asyncapi.yaml above " + dir);
    }

    public String module() {
        return module;
    }

    public JsonNode document() {
        return document;
    }

    /** CloudEvents type → message definition, for every message the document declares. */
    public Map<String, JsonNode> messagesByType() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        document.path("components").path("messages").forEach(m -> out.put(typeOf(m), m));
        return out;
    }

    /** The CloudEvents types the module sends (the messages of its {@code send} operations' channels). */
    public Set<String> publishedTypes() {
        Set<String> types = new java.util.LinkedHashSet<>();
        document.path("operations").forEach(op -> {
            if (!"send".equals(op.path("action").asText())) {
                return;
            }
            JsonNode channel = resolve(op.path("channel"));
            channel.path("messages").forEach(ref -> types.add(typeOf(resolve(ref))));
        });
        return types;
    }

    /** What is wrong with an event envelope against its declared message: empty when it conforms. */
    public List<String> violations(JsonNode envelope) {
        List<String> problems = new ArrayList<>();
        String type = envelope.path("type").asText();
        JsonNode message = messagesByType().get(type);
        if (message == null) {
            problems.add("event type " + type + " is not declared in " + module + "'s asyncapi.yaml");
            return problems;
        }
        boolean wholeEnvelope = describesEnvelope(resolve(message.path("payload")));
        JsonSchema schema = validators.computeIfAbsent(type, t -> schemaFor(message));
        JsonNode checked = wholeEnvelope ? envelope : envelope.path("data");
        for (ValidationMessage m : schema.validate(checked)) {
            problems.add((wholeEnvelope ? "" : "data") + m.getInstanceLocation() + ": " + m.getMessage());
        }
        return problems;
    }

    /** The envelope, unchanged, when it conforms; an {@link AssertionError} naming each violation otherwise. */
    public String requireValid(String envelopeJson) {
        try {
            requireValid(YAML.readTree(envelopeJson));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + envelopeJson, e);
        }
        return envelopeJson;
    }

    public JsonNode requireValid(JsonNode envelope) {
        List<String> problems = violations(envelope);
        if (!problems.isEmpty()) {
            throw new AssertionError(envelope.path("type").asText() + " does not match " + module
                    + "'s asyncapi.yaml: " + problems + "\n" + envelope);
        }
        return envelope;
    }

    private JsonSchema schemaFor(JsonNode message) {
        // The whole document is the schema's root, so "#/components/..." references resolve; only the payload
        // reference applies (the other keywords of an AsyncAPI document are unknown to JSON Schema and ignored).
        ObjectNode root = ((ObjectNode) document.deepCopy());
        root.remove(List.of("asyncapi", "info", "channels", "operations", "servers", "id", "defaultContentType"));
        root.put("$schema", "https://json-schema.org/draft/2019-09/schema");
        String path = messagePath(message);
        root.put("$ref", "#" + path + "/payload");
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().build();
        return SCHEMAS.getSchema(root, config);
    }

    private String messagePath(JsonNode message) {
        var it = document.path("components").path("messages").fields();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getValue() == message) {
                return "/components/messages/" + e.getKey();
            }
        }
        throw new IllegalStateException("message not in components.messages");
    }

    private boolean describesEnvelope(JsonNode schema) {
        if (schema.path("properties").has("data") || schema.path("properties").has("specversion")) {
            return true;
        }
        for (JsonNode part : schema.path("allOf")) {
            if (describesEnvelope(resolve(part))) {
                return true;
            }
        }
        return false;
    }

    private static String typeOf(JsonNode message) {
        String type = message.path("x-cloudevents-type").asText("");
        return type.isEmpty() ? message.path("name").asText() : type;
    }

    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            JsonNode target = document;
            for (String part : node.get("$ref").asText().substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            node = target;
        }
        return node;
    }
}
