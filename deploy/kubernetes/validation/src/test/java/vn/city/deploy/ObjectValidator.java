package vn.city.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
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
 *   <li>Built-in kinds and the Prometheus Operator's ServiceMonitor, PodMonitor and PrometheusRule: strict deserialization into the fabric8 model
 *   classes (wrong types fail; unknown fields, which the models would keep in {@code additionalProperties}, fail).</li>
 *   <li>Every operator kind (Strimzi, CloudNativePG, Barman Cloud plugin, Keycloak Operator): JSON Schema validation
 *   against the operators' real CRDs in {@code src/test/resources/crds} ({@link CrdSchemas}: closed objects, an
 *   unknown or misplaced field fails, e.g. {@code spec.kafka.replicas} of a v1 Kafka).</li>
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
            Map.entry("monitoring.coreos.com/v1/PodMonitor",
                    io.fabric8.openshift.api.model.monitoring.v1.PodMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule",
                    io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule.class));

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();


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
        return MODELS.containsKey(key) || CrdSchemas.has(key);
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
        } else if (CrdSchemas.has(key)) {
            Set<ValidationMessage> messages = CrdSchemas.schema(key).validate(object);
            messages.forEach(m -> problems.add(id + ": " + m.getMessage()));
        } else {
            problems.add(id + ": no offline validator for " + key + " (add its model, or its CRD to src/test/resources/crds)");
        }
        return problems;
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
