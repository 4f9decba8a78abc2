package vn.city.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates one rendered object offline.
 * <ul>
 *   <li>Built-in kinds and the Prometheus Operator's ServiceMonitor: strict deserialization into the fabric8 model
 *   classes (wrong types fail; unknown fields, which the models would keep in {@code additionalProperties}, fail).</li>
 *   <li>Strimzi kinds ({@code kafka.strimzi.io/v1}): the same, into the Strimzi {@code io.strimzi:api} model classes.</li>
 *   <li>Keycloak Operator and CloudNativePG kinds: JSON Schema validation against the CRD schema subsets vendored in
 *   {@code src/test/resources/crd-schemas} (closed objects: an unknown or misspelt field fails).</li>
 * </ul>
 * A kind with no validator fails, so nothing is rendered unchecked. Metadata rules (names, labels) apply to all.
 */
final class ObjectValidator {

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", io.fabric8.kubernetes.api.model.Namespace.class),
            Map.entry("v1/ServiceAccount", io.fabric8.kubernetes.api.model.ServiceAccount.class),
            Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("v1/Secret", io.fabric8.kubernetes.api.model.Secret.class),
            Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("apps/v1/StatefulSet", io.fabric8.kubernetes.api.model.apps.StatefulSet.class),
            Map.entry("policy/v1/PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler",
                    io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor",
                    io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class));

    /** apiVersion/kind → vendored schema (see src/test/resources/crd-schemas/README.md for origins and versions). */
    private static final Map<String, String> SCHEMAS = Map.of(
            "k8s.keycloak.org/v2alpha1/Keycloak", "crd-schemas/keycloak-v2alpha1.json",
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", "crd-schemas/keycloakrealmimport-v2alpha1.json",
            "postgresql.cnpg.io/v1/Cluster", "crd-schemas/cnpg-cluster-v1.json",
            "postgresql.cnpg.io/v1/ScheduledBackup", "crd-schemas/cnpg-scheduledbackup-v1.json",
            "barmancloud.cnpg.io/v1/ObjectStore", "crd-schemas/barmancloud-objectstore-v1.json");

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private static final JsonSchemaFactory SCHEMA_FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    private static final Pattern DNS1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    private static final Pattern LABEL_KEY =
            Pattern.compile("([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

    private ObjectValidator() {
    }

    static boolean supported(JsonNode object) {
        String key = key(object);
        return MODELS.containsKey(key) || SCHEMAS.containsKey(key);
    }

    static String key(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    /** Every problem found with the object; empty when it is valid. */
    static List<String> validate(JsonNode object) {
        List<String> problems = new ArrayList<>();
        String id = Manifests.id(object);
        String key = key(object);
        problems.addAll(metadataProblems(object));
        if (MODELS.containsKey(key)) {
            try {
                Object model = STRICT.treeToValue(object, MODELS.get(key));
                List<String> unknown = new ArrayList<>();
                unknownFields(model, "", unknown, new IdentityHashMap<>());
                unknown.forEach(u -> problems.add(id + ": unknown field " + u));
            } catch (IOException | IllegalArgumentException e) {
                problems.add(id + ": does not match the " + MODELS.get(key).getName() + " model: " + e.getMessage());
            }
        } else if (SCHEMAS.containsKey(key)) {
            Set<ValidationMessage> messages = schema(SCHEMAS.get(key)).validate(object);
            messages.forEach(m -> problems.add(id + ": " + m.getMessage()));
        } else {
            problems.add(id + ": no offline validator for " + key + " (add its model or CRD schema to the test)");
        }
        return problems;
    }

    private static JsonSchema schema(String resource) {
        return LOADED.computeIfAbsent(resource, r -> {
            try (InputStream in = ObjectValidator.class.getClassLoader().getResourceAsStream(r)) {
                if (in == null) {
                    throw new IllegalStateException("missing schema resource " + r);
                }
                return SCHEMA_FACTORY.getSchema(Manifests.JSON.readTree(in));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static List<String> metadataProblems(JsonNode object) {
        List<String> problems = new ArrayList<>();
        String id = Manifests.id(object);
        String name = Manifests.name(object);
        if (name.isEmpty() || name.length() > 253 || !DNS1123_SUBDOMAIN.matcher(name).matches()) {
            problems.add(id + ": metadata.name is not a DNS-1123 subdomain");
        }
        if (List.of("Service", "Namespace").contains(Manifests.kind(object))
                && (name.length() > 63 || !DNS1123_LABEL.matcher(name).matches())) {
            problems.add(id + ": metadata.name must be a DNS-1123 label");
        }
        object.path("metadata").path("labels").fields().forEachRemaining(e -> {
            if (!LABEL_KEY.matcher(e.getKey()).matches()) {
                problems.add(id + ": invalid label key " + e.getKey());
            }
            if (!e.getValue().isTextual() || e.getValue().asText().length() > 63
                    || !LABEL_VALUE.matcher(e.getValue().asText()).matches()) {
                problems.add(id + ": invalid label value " + e.getKey() + "=" + e.getValue());
            }
        });
        object.path("metadata").path("annotations").fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                problems.add(id + ": annotation " + e.getKey() + " is not a string");
            }
        });
        return problems;
    }

    /**
     * fabric8 and Strimzi models keep fields they do not know in {@code additionalProperties} instead of failing:
     * walk the model and report every such field with its path.
     */
    private static void unknownFields(Object value, String path, List<String> out, IdentityHashMap<Object, Boolean> seen) {
        if (value == null || seen.containsKey(value)) {
            return;
        }
        if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) {
                unknownFields(item, path + "[" + i++ + "]", out, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> unknownFields(v, path + "." + k, out, seen));
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!(pkg.startsWith("io.fabric8") || pkg.startsWith("io.strimzi")) || value.getClass().isEnum()) {
            return;
        }
        seen.put(value, Boolean.TRUE);
        for (Method m : value.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String n = m.getName();
            if (!(n.startsWith("get") || n.startsWith("is")) || n.equals("getClass")) {
                continue;
            }
            Object child;
            try {
                child = m.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (n.equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(k -> out.add((path.isEmpty() ? "" : path + ".") + k));
                }
                continue;
            }
            String prop = n.startsWith("get") ? n.substring(3) : n.substring(2);
            if (prop.isEmpty()) {
                continue;
            }
            prop = Character.toLowerCase(prop.charAt(0)) + prop.substring(1);
            unknownFields(child, path.isEmpty() ? prop : path + "." + prop, out, seen);
        }
    }
}
