package vn.city.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every overlay renders, and every rendered object validates offline (models and CRD schemas). */
class RenderAndValidateTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void overlayRendersUniqueObjectsInTheCityNamespace(String overlay) {
        List<ObjectNode> objects = Manifests.render(overlay);
        assertThat(objects).as(overlay + " renders objects").isNotEmpty();
        assertThat(objects.stream().map(Manifests::id).toList()).as("no duplicate kind/name").doesNotHaveDuplicates();
        for (ObjectNode o : objects) {
            if (!"Namespace".equals(Manifests.kind(o))) {
                assertThat(o.path("metadata").path("namespace").asText()).as(Manifests.id(o) + " namespace")
                        .isEqualTo(Manifests.NAMESPACE);
            }
            assertThat(o.path("metadata").path("labels").path("app.kubernetes.io/part-of").asText())
                    .as(Manifests.id(o) + " part-of label").isEqualTo("city");
        }
        writeInventory(overlay, objects);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyObjectValidatesAgainstItsSchema(String overlay) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode o : Manifests.render(overlay)) {
            problems.addAll(ObjectValidator.validate(o));
        }
        assertThat(problems).as(overlay + ": schema problems").isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theValidatorRejectsUnknownFieldsAndWrongTypes(String overlay) {
        // The validators are only worth something if they fail: break one object of each family and expect problems.
        for (String kind : List.of("Deployment", "NetworkPolicy", "ServiceMonitor", "KafkaUser", "KafkaTopic",
                "Keycloak", "KeycloakRealmImport", "Cluster")) {
            ObjectNode original = Manifests.ofKind(overlay, kind).get(0);
            ObjectNode misspelt = original.deepCopy();
            ((ObjectNode) misspelt.get("spec")).put("replicaz", 2);
            assertThat(ObjectValidator.validate(misspelt)).as(kind + " with an unknown spec field").isNotEmpty();
        }
        ObjectNode deployment = Manifests.ofKind(overlay, "Deployment").get(0).deepCopy();
        ((ObjectNode) Manifests.podSpec(deployment).get("containers").get(0).get("ports").get(0))
                .put("containerPort", "eighty");
        assertThat(ObjectValidator.validate(deployment)).as("Deployment with a string port").isNotEmpty();
        ObjectNode deep = Manifests.ofKind(overlay, "Deployment").get(0).deepCopy();
        ((ObjectNode) Manifests.podSpec(deep).get("containers").get(0).get("securityContext")).put("readOnlyRootFS", true);
        assertThat(ObjectValidator.validate(deep)).as("Deployment with a misspelt nested field").isNotEmpty();
        ObjectNode cluster = Manifests.ofKind(overlay, "Cluster").get(0).deepCopy();
        ((ObjectNode) cluster.get("spec")).put("instances", "three");
        assertThat(ObjectValidator.validate(cluster)).as("Cluster with a string instances").isNotEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyOperatorResourceIsCheckedAgainstTheRealCrdAndMisplacedFieldsFail(String overlay) {
        // every custom resource of an operator is validated by its real CRD, not by a model or a hand-made subset
        for (ObjectNode o : Manifests.render(overlay)) {
            String key = ObjectValidator.key(o);
            if (key.contains(".strimzi.io/") || key.contains("cnpg.io/") || key.contains("k8s.keycloak.org/")) {
                assertThat(CrdSchemas.has(key)).as(Manifests.id(o) + " validated against its CRD " + key).isTrue();
            }
        }
        // spec.kafka.replicas existed in v1beta2 (before node pools); the v1 CRD has no such field
        ObjectNode kafka = Manifests.get(overlay, "Kafka", "city-kafka").deepCopy();
        ((ObjectNode) kafka.get("spec").get("kafka")).put("replicas", 3);
        assertThat(ObjectValidator.validate(kafka)).as("Kafka v1 with spec.kafka.replicas")
                .anyMatch(p -> p.contains("replicas"));
        // deep misplacements, one per operator kind
        Map<String, java.util.function.Consumer<ObjectNode>> breakers = new java.util.LinkedHashMap<>();
        breakers.put("KafkaNodePool", o -> ((ObjectNode) o.get("spec")).putObject("template").putObject("pod").put("antiAffinity", "hard"));
        breakers.put("KafkaTopic", o -> ((ObjectNode) o.get("spec")).put("replicationFactor", 3));
        breakers.put("KafkaUser", o -> ((ObjectNode) o.get("spec").get("authentication")).put("password", "x"));
        breakers.put("Cluster", o -> ((ObjectNode) o.get("spec").get("postgresql")).putArray("pgHba").add("host all all all trust"));
        breakers.put("Keycloak", o -> ((ObjectNode) o.get("spec").get("db")).put("sslMode", "verify-full"));
        breakers.put("KeycloakRealmImport", o -> ((ObjectNode) o.get("spec")).put("realmName", "city"));
        if (overlay.equals("prod")) {
            breakers.put("ScheduledBackup", o -> ((ObjectNode) o.get("spec")).put("retention", "30d"));
            breakers.put("ObjectStore", o -> ((ObjectNode) o.get("spec").get("configuration")).put("bucket", "city"));
        }
        breakers.forEach((kind, breaker) -> {
            ObjectNode broken = Manifests.ofKind(overlay, kind).get(0).deepCopy();
            breaker.accept(broken);
            assertThat(ObjectValidator.validate(broken)).as(kind + " with a field its CRD does not declare").isNotEmpty();
        });
        // a wrong type and a value outside an enum fail too
        ObjectNode pool = Manifests.ofKind(overlay, "KafkaNodePool").get(0).deepCopy();
        ((ObjectNode) pool.get("spec")).put("replicas", "three");
        assertThat(ObjectValidator.validate(pool)).as("KafkaNodePool with a string replicas").isNotEmpty();
        ObjectNode user = Manifests.get(overlay, "KafkaUser", "task-service").deepCopy();
        ((ObjectNode) user.get("spec").get("authentication")).put("type", "scram-sha-1");
        assertThat(ObjectValidator.validate(user)).as("KafkaUser with an unknown authentication type").isNotEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void noSecretIsInlined(String overlay) {
        // Secrets are created by the operators (CNPG, Strimzi) or by the operator team (runbook); none is rendered.
        assertThat(Manifests.ofKind(overlay, "Secret")).as(overlay + " renders no Secret").isEmpty();
        for (ObjectNode cm : Manifests.ofKind(overlay, "ConfigMap")) {
            cm.path("data").fields().forEachRemaining(e -> assertThat(e.getKey().toLowerCase())
                    .as(Manifests.id(cm) + " key " + e.getKey() + " looks like a secret")
                    .doesNotContain("password").doesNotContain("credentials.secret").doesNotContain("jaas"));
        }
        for (ObjectNode w : Manifests.workloads(overlay)) {
            for (JsonNode c : Manifests.podSpec(w).path("containers")) {
                for (JsonNode env : c.path("env")) {
                    String name = env.path("name").asText().toLowerCase();
                    if (name.contains("password") || name.contains("secret") || name.contains("jaas")) {
                        assertThat(env.has("value")).as(Manifests.id(w) + " env " + name + " must come from a Secret")
                                .isFalse();
                        assertThat(env.path("valueFrom").has("secretKeyRef")).as(Manifests.id(w) + " env " + name)
                                .isTrue();
                    }
                }
            }
        }
    }

    private static void writeInventory(String overlay, List<ObjectNode> objects) {
        Map<String, List<String>> byKind = new TreeMap<>();
        objects.forEach(o -> byKind.computeIfAbsent(Manifests.kind(o), k -> new ArrayList<>()).add(Manifests.name(o)));
        String text = byKind.entrySet().stream()
                .map(e -> String.format("%-24s %2d  %s", e.getKey(), e.getValue().size(), String.join(", ", e.getValue())))
                .collect(Collectors.joining("\n", "# objects rendered by overlays/" + overlay + " (" + objects.size() + ")\n", "\n"));
        try {
            var dir = java.nio.file.Path.of("target");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("objects-" + overlay + ".txt"), text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
