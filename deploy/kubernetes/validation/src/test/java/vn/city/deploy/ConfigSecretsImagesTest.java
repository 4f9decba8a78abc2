package vn.city.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** ConfigMaps keyed by property names, databases wired to CloudNativePG, Secrets accounted for, Dockerfiles sound. */
class ConfigSecretsImagesTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;
    private static final Pattern PROPERTY_NAME =
            Pattern.compile("(quarkus|kafka|mp|city|smallrye)\\.[a-z0-9][A-Za-z0-9.\\-]*[a-z0-9]");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void configMapsAreKeyedByQuarkusPropertyNames(String overlay) {
        for (ObjectNode cm : Manifests.ofKind(overlay, "ConfigMap")) {
            assertThat(cm.path("data").size()).as(Manifests.id(cm)).isPositive();
            cm.path("data").fieldNames().forEachRemaining(k ->
                    assertThat(PROPERTY_NAME.matcher(k).matches()).as(Manifests.id(cm) + " key " + k + " is a property name").isTrue());
        }
        for (String service : Manifests.SERVICES) {
            JsonNode c = KafkaTest.container(overlay, service);
            for (JsonNode env : c.path("env")) {
                String name = env.path("name").asText();
                assertThat(name.equals("JAVA_OPTS") || PROPERTY_NAME.matcher(name).matches())
                        .as(service + " env " + name + " is a property name (or JAVA_OPTS)").isTrue();
            }
            KafkaTest.Config config = KafkaTest.Config.of(overlay, service);
            assertThat(config.get("quarkus.http.port")).isEqualTo(port(c, "http"));
            assertThat(config.get("quarkus.management.port")).isEqualTo(port(c, "management"));
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachServiceUsesItsOwnCloudNativePgDatabase(String overlay) {
        for (String service : Manifests.SERVICES) {
            String clusterName = service.replace("-service", "-db");
            ObjectNode cluster = Manifests.get(overlay, "Cluster", clusterName);
            String database = cluster.path("spec").path("bootstrap").path("initdb").path("database").asText();
            KafkaTest.Config config = KafkaTest.Config.of(overlay, service);
            assertThat(config.get("quarkus.datasource.reactive.url")).isEqualTo("postgresql://" + clusterName + "-rw:5432/" + database);
            assertThat(config.get("quarkus.datasource.jdbc.url")).isEqualTo("jdbc:postgresql://" + clusterName + "-rw:5432/" + database
                    + "?sslmode=verify-full&sslrootcert=" + OperationsRules.DB_CA);
            JsonNode env = KafkaTest.container(overlay, service).path("env");
            for (String p : List.of("username", "password")) {
                JsonNode ref = KafkaTest.envVar(env, "quarkus.datasource." + p).path("valueFrom").path("secretKeyRef");
                assertThat(ref.path("name").asText()).as(service + " " + p).isEqualTo(clusterName + "-app");
                assertThat(ref.path("key").asText()).isEqualTo(p);
            }
            assertThat(cluster.path("spec").path("enableSuperuserAccess").asBoolean(true)).isFalse();
            assertThat(cluster.path("spec").path("instances").asInt()).isEqualTo(overlay.equals("prod") ? 3 : 1);
            if (overlay.equals("prod")) {
                assertThat(cluster.path("spec").path("plugins").toString()).contains("barman-cloud.cloudnative-pg.io");
                assertThat(Manifests.ofKind(overlay, "ScheduledBackup").stream()
                        .anyMatch(b -> b.path("spec").path("cluster").path("name").asText().equals(clusterName)))
                        .as(clusterName + " nightly backup").isTrue();
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void consumedChannelsExistInTheServicesCode(String overlay) {
        for (String service : Manifests.SERVICES) {
            Path src = Manifests.repoRoot().resolve(service).resolve("src/main/java");
            if (!Files.isDirectory(src)) {
                continue;
            }
            String code = javaSources(src);
            JsonNode data = WorkloadRulesTest.configMap(overlay, service + "-config").path("data");
            data.fieldNames().forEachRemaining(k -> {
                Matcher m = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\..*").matcher(k);
                if (m.matches()) {
                    assertThat(code).as(service + " has a consumer of channel " + m.group(1) + " (ConfigMap key " + k + ")")
                            .contains("@Incoming(\"" + m.group(1) + "\")");
                }
            });
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everySecretReferencedIsMadeByAnOperatorOrListedInTheRunbook(String overlay) {
        Set<String> referenced = new TreeSet<>();
        for (ObjectNode o : Manifests.render(overlay)) {
            collectSecretRefs(o, referenced);
        }
        Set<String> operatorMade = new TreeSet<>();
        Manifests.ofKind(overlay, "Cluster").forEach(c -> operatorMade.add(Manifests.name(c) + "-app"));
        Manifests.ofKind(overlay, "Cluster").forEach(c -> operatorMade.add(Manifests.name(c) + "-ca"));
        Manifests.ofKind(overlay, "KafkaUser").forEach(u -> operatorMade.add(Manifests.name(u)));
        Manifests.ofKind(overlay, "Kafka").forEach(k -> operatorMade.add(Manifests.name(k) + "-cluster-ca-cert"));
        String runbook = Manifests.read(Manifests.kubernetesDir().resolve("README.md"));
        int start = runbook.indexOf("## Secrets to create");
        assertThat(start).as("runbook has a '## Secrets to create' section").isNotNegative();
        int end = runbook.indexOf("\n## ", start + 5);
        String section = runbook.substring(start, end < 0 ? runbook.length() : end);
        List<String> undocumented = new ArrayList<>();
        for (String secret : referenced) {
            if (!operatorMade.contains(secret) && !section.contains("`" + secret + "`")) {
                undocumented.add(secret);
            }
        }
        assertThat(undocumented).as(overlay + ": Secrets neither operator-made nor in the runbook's list").isEmpty();
        assertThat(referenced).as("sanity").contains("keycloak-db-app", "indicator-service-oidc", "keycloak-tls");
    }

    @Test
    void everyServiceHasANonRootJvmDockerfile() {
        for (String service : Manifests.SERVICES) {
            Path file = Manifests.kubernetesDir().resolve("images").resolve(service + ".Dockerfile");
            assertThat(file).exists();
            String text = Manifests.read(file);
            List<String> users = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(text).results().map(r -> r.group(1)).toList();
            assertThat(users).as(service + " final USER").isNotEmpty();
            assertThat(users.get(users.size() - 1)).isEqualTo("185");
            assertThat(text).contains("COPY --chown=185:0 --chmod=0555 " + service + "/target/quarkus-app/lib/ /deployments/lib/")
                    .contains(service + "/target/quarkus-app/quarkus/")
                    .contains("quarkus-run.jar")
                    .contains("exec java ${JAVA_OPTS}")
                    .contains("EXPOSE 8080 9000")
                    // JDK 25 with the image's AOT cache (issue 14; RuntimeOptionsTest checks the rest)
                    .containsPattern("(?m)^FROM eclipse-temurin:25\\S*");
            for (String overlay : Manifests.OVERLAYS) {
                String image = KafkaTest.container(overlay, service).path("image").asText();
                assertThat(image).as(overlay + " image of " + service).startsWith("registry.example/city/" + service + ":");
            }
        }
    }

    private static String port(JsonNode container, String name) {
        for (JsonNode p : container.path("ports")) {
            if (name.equals(p.path("name").asText())) {
                return p.path("containerPort").asText();
            }
        }
        throw new AssertionError("no port " + name);
    }

    private static void collectSecretRefs(JsonNode node, Set<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String k = e.getKey();
                JsonNode v = e.getValue();
                if ((k.equals("secretKeyRef") || k.equals("secretRef")) && v.has("name")) {
                    out.add(v.path("name").asText());
                } else if (k.equals("secretName") && v.isTextual()) {
                    out.add(v.asText());
                } else if (k.equals("tlsSecret") && v.isTextual()) {
                    out.add(v.asText());
                } else if (k.equals("secret") && v.isTextual() && !node.has("clientId")) {
                    out.add(v.asText());
                } else if (k.equals("secret") && v.isObject() && v.has("name")) {
                    out.add(v.path("name").asText());
                } else if ((k.equals("usernameSecret") || k.equals("passwordSecret") || k.equals("accessKeyId")
                        || k.equals("secretAccessKey")) && v.has("name")) {
                    out.add(v.path("name").asText());
                }
                if (!k.equals("realm")) {
                    collectSecretRefs(v, out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectSecretRefs(n, out));
        }
    }

    private static String javaSources(Path dir) {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> sb.append(Manifests.read(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }
}
