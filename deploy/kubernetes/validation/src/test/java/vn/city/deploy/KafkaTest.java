package vn.city.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Strimzi topics, users and ACLs, against what the services are configured to produce and consume. */
class KafkaTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;
    static final List<String> TOPICS = List.of("indicator-events", "task-events", "meeting-events",
            "task-service.dlq", "meeting-service.dlq");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyTopicIsDeclaredWithTheOverlaysDurability(String overlay) {
        int rf = overlay.equals("prod") ? 3 : 1;
        int minIsr = overlay.equals("prod") ? 2 : 1;
        Set<String> declared = new TreeSet<>();
        for (ObjectNode t : Manifests.ofKind(overlay, "KafkaTopic")) {
            JsonNode spec = t.path("spec");
            declared.add(spec.path("topicName").asText(Manifests.name(t)));
            assertThat(t.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo("city-kafka");
            assertThat(spec.path("partitions").asInt()).as(Manifests.id(t) + " partitions").isEqualTo(3);
            assertThat(spec.path("replicas").asInt()).as(Manifests.id(t) + " replicas").isEqualTo(rf);
            assertThat(spec.path("config").path("min.insync.replicas").asInt()).as(Manifests.id(t) + " min ISR").isEqualTo(minIsr);
        }
        assertThat(declared).containsExactlyInAnyOrderElementsOf(TOPICS);
        ObjectNode kafka = Manifests.get(overlay, "Kafka", "city-kafka");
        assertThat(kafka.path("spec").path("kafka").path("config").path("auto.create.topics.enable").asBoolean(true)).isFalse();
        assertThat(kafka.path("spec").path("kafka").path("authorization").path("type").asText()).isEqualTo("simple");
        int brokers = 0;
        int controllers = 0;
        for (ObjectNode pool : Manifests.ofKind(overlay, "KafkaNodePool")) {
            List<String> roles = new java.util.ArrayList<>();
            for (JsonNode r : pool.path("spec").path("roles")) {
                roles.add(r.asText());
            }
            int replicas = pool.path("spec").path("replicas").asInt();
            brokers += roles.contains("broker") ? replicas : 0;
            controllers += roles.contains("controller") ? replicas : 0;
        }
        assertThat(brokers).as(overlay + " brokers").isGreaterThanOrEqualTo(rf);
        assertThat(controllers % 2).as(overlay + " KRaft quorum is odd").isEqualTo(1);
        if (overlay.equals("prod")) {
            assertThat(controllers).isGreaterThanOrEqualTo(3);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachServiceWritesOnlyItsTopicsAndReadsWhatItConsumes(String overlay) {
        for (String service : Manifests.SERVICES) {
            ObjectNode user = Manifests.get(overlay, "KafkaUser", service);
            assertThat(user.path("spec").path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
            Map<String, Set<String>> topicOps = new HashMap<>();
            Map<String, Set<String>> groupOps = new HashMap<>();
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode res = acl.path("resource");
                assertThat(res.path("patternType").asText("literal")).as(service + ": no prefixed/wildcard ACLs").isEqualTo("literal");
                assertThat(res.path("name").asText()).doesNotContain("*");
                Map<String, Set<String>> target = switch (res.path("type").asText()) {
                    case "topic" -> topicOps;
                    case "group" -> groupOps;
                    default -> throw new AssertionError(service + ": unexpected ACL resource " + res);
                };
                acl.path("operations").forEach(op -> target.computeIfAbsent(res.path("name").asText(), k -> new HashSet<>()).add(op.asText()));
            }
            Config config = Config.of(overlay, service);
            Set<String> writes = new TreeSet<>();
            writes.add(config.get("city.outbox.topic"));
            writes.addAll(config.matching("mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic"));
            writes.addAll(config.matching("mp\\.messaging\\.outgoing\\.[^.]+\\.topic"));
            Set<String> reads = new TreeSet<>(config.matching("mp\\.messaging\\.incoming\\.[^.]+\\.topic"));
            Set<String> groups = new TreeSet<>(config.matching("mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id"));

            Set<String> writable = new TreeSet<>();
            Set<String> readable = new TreeSet<>();
            topicOps.forEach((topic, ops) -> {
                if (ops.contains("Write") || ops.contains("All") || ops.contains("Create") || ops.contains("Delete") || ops.contains("Alter")) {
                    writable.add(topic);
                }
                if (ops.contains("Read") || ops.contains("All")) {
                    readable.add(topic);
                }
                assertThat(ops).as(service + " on " + topic).doesNotContain("All", "Delete", "Alter", "AlterConfigs", "Create");
            });
            assertThat(writable).as(service + " may write exactly its own topics").containsExactlyInAnyOrderElementsOf(writes);
            assertThat(readable).as(service + " may read exactly what it consumes").containsExactlyInAnyOrderElementsOf(reads);
            assertThat(groupOps.keySet()).as(service + " consumer groups").containsExactlyInAnyOrderElementsOf(groups);
            groups.forEach(g -> assertThat(g).as("consumer group = service name").isEqualTo(service));
            assertThat(TOPICS).containsAll(writes).containsAll(reads);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void servicesAuthenticateToKafkaWithTheirKafkaUser(String overlay) {
        ObjectNode common = WorkloadRulesTest.configMap(overlay, "city-common-config");
        JsonNode data = common.path("data");
        assertThat(data.path("kafka.bootstrap.servers").asText()).isEqualTo("city-kafka-kafka-bootstrap:9093");
        assertThat(data.path("kafka.security.protocol").asText()).isEqualTo("SASL_SSL");
        assertThat(data.path("kafka.sasl.mechanism").asText()).isEqualTo("SCRAM-SHA-512");
        JsonNode listener = Manifests.get(overlay, "Kafka", "city-kafka").path("spec").path("kafka").path("listeners").get(0);
        assertThat(listener.path("port").asInt()).isEqualTo(9093);
        assertThat(listener.path("tls").asBoolean()).isTrue();
        assertThat(listener.path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
        for (String service : Manifests.SERVICES) {
            JsonNode env = container(overlay, service).path("env");
            JsonNode jaas = envVar(env, "kafka.sasl.jaas.config");
            assertThat(jaas.path("valueFrom").path("secretKeyRef").path("name").asText())
                    .as(service + " JAAS from its KafkaUser Secret").isEqualTo(service);
            assertThat(jaas.path("valueFrom").path("secretKeyRef").path("key").asText()).isEqualTo("sasl.jaas.config");
        }
    }

    static JsonNode container(String overlay, String service) {
        return Manifests.podSpec(Manifests.get(overlay, "Deployment", service)).path("containers").get(0);
    }

    static JsonNode envVar(JsonNode env, String name) {
        for (JsonNode e : env) {
            if (name.equals(e.path("name").asText())) {
                return e;
            }
        }
        throw new AssertionError("no env " + name);
    }

    /** A service's effective (prod-profile) configuration: its application.properties overridden by its ConfigMaps. */
    record Config(Map<String, String> values) {

        static Config of(String overlay, String service) {
            Map<String, String> values = new HashMap<>();
            Path props = Manifests.repoRoot().resolve(service).resolve("src/main/resources/application.properties");
            if (Files.exists(props)) {
                Properties p = new Properties();
                try {
                    p.load(new StringReader(Manifests.read(props)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                p.stringPropertyNames().stream().filter(k -> !k.startsWith("%")).forEach(k -> values.put(k, p.getProperty(k)));
            }
            WorkloadRulesTest.configMap(overlay, "city-common-config").path("data").fields()
                    .forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
            WorkloadRulesTest.configMap(overlay, service + "-config").path("data").fields()
                    .forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
            return new Config(values);
        }

        String get(String key) {
            String v = values.get(key);
            if (v == null) {
                throw new AssertionError("property " + key + " not configured");
            }
            return v;
        }

        Set<String> matching(String regex) {
            Set<String> out = new TreeSet<>();
            values.forEach((k, v) -> {
                if (k.matches(regex)) {
                    out.add(v);
                }
            });
            return out;
        }
    }
}
