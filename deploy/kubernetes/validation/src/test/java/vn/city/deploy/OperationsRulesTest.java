package vn.city.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations rules hold for every overlay, and each one fails on a manifest broken in the way it guards against
 * (a rule that cannot fail proves nothing).
 */
class OperationsRulesTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void renderedManifestsFollowEveryOperationsRule(String overlay) {
        assertThat(OperationsRules.all(overlay, Manifests.render(overlay))).as(overlay + ": operations rules").isEmpty();
    }

    // ---------------------------------------------------------------- database TLS

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void databaseTlsRuleFailsOnPlainOrUnverifiedConnections(String overlay) {
        Function<List<ObjectNode>, List<String>> rule = OperationsRules::databaseTls;
        fails(overlay, rule, "reactive client without verify-full", objects ->
                configMap(objects, "city-common-config").put("quarkus.datasource.reactive.postgresql.ssl-mode", "require"));
        fails(overlay, rule, "reactive client without host name verification", objects ->
                configMap(objects, "city-common-config").remove("quarkus.datasource.reactive.hostname-verification-algorithm"));
        fails(overlay, rule, "a service overriding the mode", objects ->
                configMap(objects, "task-service-config").put("quarkus.datasource.reactive.postgresql.ssl-mode", "disable"));
        fails(overlay, rule, "Flyway's JDBC URL with sslmode=prefer", objects ->
                configMap(objects, "indicator-service-config").put("quarkus.datasource.jdbc.url",
                        "jdbc:postgresql://indicator-db-rw:5432/indicator?sslmode=prefer"));
        fails(overlay, rule, "Keycloak's database URL without TLS", objects ->
                ((ObjectNode) get(objects, "Keycloak", "keycloak").get("spec").get("db"))
                        .put("url", "jdbc:postgresql://keycloak-db-rw:5432/keycloak"));
        fails(overlay, rule, "the CA key mounted with the CA", objects -> {
            ObjectNode d = get(objects, "Deployment", "meeting-service");
            for (JsonNode v : Manifests.podSpec(d).path("volumes")) {
                if (v.path("name").asText().equals("db-ca")) {
                    ((ArrayNode) v.path("secret").path("items")).addObject().put("key", "ca.key").put("path", "ca.key");
                }
            }
        });
        fails(overlay, rule, "no CA mounted", objects -> {
            ObjectNode c = (ObjectNode) Manifests.podSpec(get(objects, "Deployment", "task-service")).path("containers").get(0);
            ArrayNode mounts = (ArrayNode) c.get("volumeMounts");
            for (int i = mounts.size() - 1; i >= 0; i--) {
                if (mounts.get(i).path("mountPath").asText().equals(OperationsRules.DB_CA_DIR)) {
                    mounts.remove(i);
                }
            }
        });
        fails(overlay, rule, "a cluster accepting plain connections", objects ->
                ((ObjectNode) get(objects, "Cluster", "task-db").get("spec").get("postgresql")).remove("pg_hba"));
    }

    // ---------------------------------------------------------------- spread and budgets

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void spreadRuleFailsWhenPodsMayShareANode(String overlay) {
        Function<List<ObjectNode>, List<String>> rule = objects -> OperationsRules.spread(overlay, objects);
        fails(overlay, rule, "services spread ScheduleAnyway only", objects -> {
            for (JsonNode c : Manifests.podSpec(get(objects, "Deployment", "indicator-service")).path("topologySpreadConstraints")) {
                ((ObjectNode) c).put("whenUnsatisfiable", "ScheduleAnyway");
            }
        });
        fails(overlay, rule, "Keycloak without spread", objects ->
                ((ObjectNode) get(objects, "Keycloak", "keycloak").get("spec")).remove("scheduling"));
        if (overlay.equals("prod")) {
            fails(overlay, rule, "a Kafka pool without affinity", objects ->
                    ((ObjectNode) get(objects, "KafkaNodePool", "brokers").get("spec").get("template").get("pod")).remove("affinity"));
            fails(overlay, rule, "a Kafka pool without topology spread", objects ->
                    ((ObjectNode) get(objects, "KafkaNodePool", "controllers").get("spec").get("template").get("pod"))
                            .remove("topologySpreadConstraints"));
            fails(overlay, rule, "Kafka without rack", objects ->
                    ((ObjectNode) get(objects, "Kafka", "city-kafka").get("spec").get("kafka")).remove("rack"));
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void keycloakDisruptionBudgetRuleFailsWithoutABudget(String overlay) {
        Function<List<ObjectNode>, List<String>> rule = OperationsRules::keycloakDisruptionBudget;
        fails(overlay, rule, "no Keycloak PDB", objects -> objects.remove(get(objects, "PodDisruptionBudget", "keycloak")));
        fails(overlay, rule, "a PDB that blocks every drain", objects -> {
            ObjectNode spec = (ObjectNode) get(objects, "PodDisruptionBudget", "keycloak").get("spec");
            spec.remove("maxUnavailable");
            spec.put("minAvailable", 2);
        });
    }

    // ---------------------------------------------------------------- monitoring and alerts

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void monitoringRuleFailsWhenSomethingIsNotScraped(String overlay) {
        Function<List<ObjectNode>, List<String>> rule = OperationsRules::monitoring;
        fails(overlay, rule, "Kafka without metricsConfig", objects ->
                ((ObjectNode) get(objects, "Kafka", "city-kafka").get("spec").get("kafka")).remove("metricsConfig"));
        fails(overlay, rule, "Kafka without exporter", objects ->
                ((ObjectNode) get(objects, "Kafka", "city-kafka").get("spec")).remove("kafkaExporter"));
        fails(overlay, rule, "CNPG not scraped", objects -> objects.remove(get(objects, "PodMonitor", "city-postgres")));
        fails(overlay, rule, "Kafka not scraped", objects -> objects.remove(get(objects, "PodMonitor", "city-kafka")));
        fails(overlay, rule, "dashboard not JSON", objects -> {
            ObjectNode cm = get(objects, "ConfigMap", "city-grafana-dashboard");
            ((ObjectNode) cm.get("data")).put("city.json", "{panels: [");
        });
        fails(overlay, rule, "dashboard without the outbox", objects -> {
            ObjectNode data = (ObjectNode) get(objects, "ConfigMap", "city-grafana-dashboard").get("data");
            data.put("city.json", data.path("city.json").asText().replace("city_outbox_oldest_pending_age_seconds", "up"));
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void alertRuleFailsWhenAnAlertOrItsRunbookIsMissing(String overlay) {
        Function<List<ObjectNode>, List<String>> rule = OperationsRules::alerts;
        for (String alert : OperationsRules.REQUIRED_ALERTS.keySet()) {
            fails(overlay, rule, "without " + alert, objects -> alertRule(objects, alert).put("alert", alert + "Renamed"));
        }
        fails(overlay, rule, "outbox alert on another metric", objects ->
                alertRule(objects, "CityOutboxStuck").put("expr", "max(city_outbox_pending) > 100"));
        fails(overlay, rule, "runbook section that does not exist", objects ->
                ((ObjectNode) alertRule(objects, "CityConsumerLag").get("annotations"))
                        .put("runbook_url", "deploy/kubernetes/README.md#alert-nowhere"));
        fails(overlay, rule, "no severity", objects -> ((ObjectNode) alertRule(objects, "CityHttp5xxRate").get("labels")).remove("severity"));
    }

    // ---------------------------------------------------------------- Keycloak

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void realmRuleFailsOnPasswordGrantsAndMissingProtection(String overlay) {
        Function<List<ObjectNode>, List<String>> rule = OperationsRules::realmHardening;
        fails(overlay, rule, "password grant on city-cli", objects -> client(objects, "city-cli").put("directAccessGrantsEnabled", true));
        fails(overlay, rule, "password grant left to the default", objects -> client(objects, "task-service").remove("directAccessGrantsEnabled"));
        fails(overlay, rule, "public client without PKCE", objects ->
                ((ObjectNode) client(objects, "city-cli").get("attributes")).remove("pkce.code.challenge.method"));
        fails(overlay, rule, "confidential web client without PKCE", objects ->
                ((ObjectNode) client(objects, "city-web").get("attributes")).remove("pkce.code.challenge.method"));
        fails(overlay, rule, "implicit flow", objects -> client(objects, "city-cli").put("implicitFlowEnabled", true));
        fails(overlay, rule, "service client without client credentials", objects ->
                client(objects, "meeting-service").put("serviceAccountsEnabled", false));
        fails(overlay, rule, "no brute-force protection", objects -> realm(objects).put("bruteForceProtected", false));
        fails(overlay, rule, "short passwords", objects -> realm(objects).put("passwordPolicy", "length(8)"));
        fails(overlay, rule, "no password policy", objects -> realm(objects).remove("passwordPolicy"));
        fails(overlay, OperationsRules::publicKeycloakPaths, "all realms published (master too)", objects -> {
            for (JsonNode p : get(objects, "Ingress", "keycloak").path("spec").path("rules").get(0).path("http").path("paths")) {
                if (p.path("path").asText().equals("/realms/city/")) {
                    ((ObjectNode) p).put("path", "/realms/");
                }
            }
        });
    }

    // ---------------------------------------------------------------- helpers

    /** The rule holds on the rendered overlay and fails once {@code breaker} changed a deep copy of it. */
    static void fails(String overlay, Function<List<ObjectNode>, List<String>> rule, String what, Consumer<List<ObjectNode>> breaker) {
        List<ObjectNode> rendered = Manifests.render(overlay);
        assertThat(rule.apply(rendered)).as(overlay + ": rule holds before breaking it (" + what + ")").isEmpty();
        List<ObjectNode> broken = new java.util.ArrayList<>(rendered.stream().map(ObjectNode::deepCopy).toList());
        breaker.accept(broken);
        assertThat(rule.apply(broken)).as(overlay + ": the rule must fail with " + what).isNotEmpty();
    }

    static ObjectNode get(List<ObjectNode> objects, String kind, String name) {
        return OperationsRules.find(objects, kind, name).orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    static ObjectNode configMap(List<ObjectNode> objects, String prefix) {
        return (ObjectNode) OperationsRules.ofKind(objects, "ConfigMap").stream()
                .filter(c -> Manifests.name(c).matches(Pattern.quote(prefix) + "-[a-z0-9]{10}"))
                .findFirst().orElseThrow().get("data");
    }

    static ObjectNode alertRule(List<ObjectNode> objects, String alert) {
        for (ObjectNode pr : OperationsRules.ofKind(objects, "PrometheusRule")) {
            for (JsonNode group : pr.path("spec").path("groups")) {
                for (JsonNode r : group.path("rules")) {
                    if (alert.equals(r.path("alert").asText())) {
                        return (ObjectNode) r;
                    }
                }
            }
        }
        throw new AssertionError("no alert " + alert);
    }

    static ObjectNode realm(List<ObjectNode> objects) {
        return (ObjectNode) get(objects, "KeycloakRealmImport", RealmImports.IMPORT_NAME).get("spec").get("realm");
    }

    static ObjectNode client(List<ObjectNode> objects, String clientId) {
        for (JsonNode c : realm(objects).path("clients")) {
            if (clientId.equals(c.path("clientId").asText())) {
                return (ObjectNode) c;
            }
        }
        throw new AssertionError("no client " + clientId);
    }
}
