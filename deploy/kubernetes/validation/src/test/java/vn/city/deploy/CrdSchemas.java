package vn.city.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real operator CRDs of {@code src/test/resources/crds} as closed JSON schemas, one per served
 * {@code apiVersion/kind}.
 * <p>
 * Kubernetes prunes (and with strict field validation rejects) every field a structural schema does not declare,
 * unless the node says {@code x-kubernetes-preserve-unknown-fields: true}. JSON Schema accepts unknown properties by
 * default, so each object schema gets {@code additionalProperties: false} here, except where the CRD preserves
 * unknown fields or declares {@code additionalProperties} itself (maps). Sub-schemas of {@code anyOf/allOf/oneOf/not}
 * only add constraints to the node they sit on, so they are not closed. {@code x-kubernetes-int-or-string} becomes
 * "integer or string", {@code nullable} admits null; CEL rules ({@code x-kubernetes-validations}) are dropped.
 * {@code metadata} is checked by {@link ObjectValidator}'s own metadata rules (the API server never applies the
 * CRD's schema to it).
 */
final class CrdSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static final Map<String, JsonNode> SCHEMAS = load();
    private static final Map<String, JsonSchema> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    private CrdSchemas() {
    }

    /** {@code group/version/Kind} of every served version of every CRD file. */
    static java.util.Set<String> keys() {
        return SCHEMAS.keySet();
    }

    static boolean has(String apiVersionKind) {
        return SCHEMAS.containsKey(apiVersionKind);
    }

    static JsonSchema schema(String apiVersionKind) {
        return COMPILED.computeIfAbsent(apiVersionKind, k -> FACTORY.getSchema(SCHEMAS.get(k)));
    }

    /** The closed schema as JSON (for tests and debugging). */
    static JsonNode closedSchema(String apiVersionKind) {
        return SCHEMAS.get(apiVersionKind);
    }

    private static Map<String, JsonNode> load() {
        Map<String, JsonNode> out = new HashMap<>();
        try (Stream<Path> files = Files.list(crdDir())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
                for (ObjectNode crd : Manifests.parse(Files.readString(file))) {
                    if (!"CustomResourceDefinition".equals(Manifests.kind(crd))) {
                        continue;
                    }
                    String group = crd.path("spec").path("group").asText();
                    String kind = crd.path("spec").path("names").path("kind").asText();
                    for (JsonNode version : crd.path("spec").path("versions")) {
                        if (!version.path("served").asBoolean(false)) {
                            continue;
                        }
                        JsonNode schema = version.path("schema").path("openAPIV3Schema");
                        if (schema.isMissingNode()) {
                            throw new IllegalStateException(file + ": " + kind + " " + version.path("name").asText()
                                    + " has no openAPIV3Schema");
                        }
                        ObjectNode closed = convert(schema, false);
                        // apiVersion, kind and metadata belong to every object (some CRDs do not declare them)
                        ObjectNode props = closed.has("properties") ? (ObjectNode) closed.get("properties") : closed.putObject("properties");
                        props.set("apiVersion", NODES.objectNode().put("type", "string"));
                        props.set("kind", NODES.objectNode().put("type", "string"));
                        props.set("metadata", NODES.objectNode().put("type", "object"));
                        out.put(group + "/" + version.path("name").asText() + "/" + kind, closed);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no CRD found in " + crdDir());
        }
        return Map.copyOf(out);
    }

    private static Path crdDir() {
        try {
            return Path.of(CrdSchemas.class.getClassLoader().getResource("crds/README.md").toURI()).getParent();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("src/test/resources/crds is not on the test class path", e);
        }
    }

    /**
     * A copy of one OpenAPI v3 schema node as JSON Schema draft 4, closed unless it preserves unknown fields.
     *
     * @param constraintOnly true inside anyOf/allOf/oneOf/not, where a schema constrains its parent's value
     */
    static ObjectNode convert(JsonNode schema, boolean constraintOnly) {
        ObjectNode out = NODES.objectNode();
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        boolean intOrString = schema.path("x-kubernetes-int-or-string").asBoolean(false);
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            switch (key) {
                case "properties" -> {
                    ObjectNode props = NODES.objectNode();
                    value.fields().forEachRemaining(p -> props.set(p.getKey(), convert(p.getValue(), false)));
                    out.set(key, props);
                }
                case "items" -> out.set(key, value.isObject() ? convert(value, false) : value);
                case "additionalProperties" -> out.set(key, value.isObject() ? convert(value, false) : value);
                case "anyOf", "allOf", "oneOf" -> {
                    ArrayNode list = NODES.arrayNode();
                    value.forEach(s -> list.add(convert(s, true)));
                    out.set(key, list);
                }
                case "not" -> out.set(key, convert(value, true));
                case "type", "enum", "required", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
                     "minLength", "maxLength", "minItems", "maxItems", "uniqueItems", "pattern", "minProperties",
                     "maxProperties", "multipleOf" -> out.set(key, value);
                default -> {
                    // description, example, format, default, nullable and the x-kubernetes-* extensions
                }
            }
        }
        if (intOrString) {
            out.remove("type");
            if (!out.has("anyOf")) {
                out.set("anyOf", NODES.arrayNode()
                        .add(NODES.objectNode().put("type", "integer"))
                        .add(NODES.objectNode().put("type", "string")));
            }
        }
        if (schema.path("nullable").asBoolean(false) && out.path("type").isTextual()) {
            out.set("type", NODES.arrayNode().add(out.path("type").asText()).add("null"));
        }
        boolean isObject = "object".equals(schema.path("type").asText()) || schema.has("properties");
        if (!constraintOnly && isObject && !preserve && !schema.has("additionalProperties")) {
            out.put("additionalProperties", false);
        }
        return out;
    }

    static List<String> describe() {
        return SCHEMAS.keySet().stream().sorted().toList();
    }
}
