package vn.city.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operations rules of issue 16, as functions of a list of rendered objects (so a test can prove each one fails
 * on a broken copy): database TLS, spread, disruption budgets, monitoring and alerts, realm hardening.
 * Each returns the problems found; empty means the rule holds.
 */
final class OperationsRules {

    static final String DB_CA_DIR = "/etc/city/db-ca";
    static final String DB_CA = DB_CA_DIR + "/ca.crt";
    static final Map<String, String> SERVICE_DB = Map.of(
            "indicator-service", "indicator-db", "task-service", "task-db", "meeting-service", "meeting-db");
    static final Map<String, String> KEYCLOAK_POD = Map.of("app", "keycloak", "app.kubernetes.io/instance", "keycloak");

    /** Alert → a metric its expression must use. */
    static final Map<String, String> REQUIRED_ALERTS = new LinkedHashMap<>();

    static {
        REQUIRED_ALERTS.put("CityOutboxStuck", "city_outbox_oldest_pending_age_seconds");
        REQUIRED_ALERTS.put("CityDeadLettersGrowing", "city_events_dead_lettered_total");
        REQUIRED_ALERTS.put("CityConsumerLag", "kafka_consumergroup_lag");
        REQUIRED_ALERTS.put("CityHttp5xxRate", "http_server_requests_seconds_count");
        REQUIRED_ALERTS.put("CityHttpLatencyP99", "http_server_requests_seconds_bucket");
        REQUIRED_ALERTS.put("CityReportingDeadlineUnitsMissing", "city_reporting_units_missing");
    }

    /** Metrics the Grafana dashboard must show. */
    static final List<String> DASHBOARD_METRICS = List.of("city_outbox_oldest_pending_age_seconds", "city_outbox_pending",
            "city_events_dead_lettered_total", "city_consumer_lag_records", "kafka_consumergroup_lag",
            "city_figures_submitted_total", "city_figures_refused_total", "city_tasks_overdue",
            "http_server_requests_seconds_bucket");

    private OperationsRules() {
    }

    static List<String> all(String overlay, List<ObjectNode> objects) {
        List<String> problems = new ArrayList<>();
        problems.addAll(databaseTls(objects));
        problems.addAll(spread(overlay, objects));
        problems.addAll(keycloakDisruptionBudget(objects));
        problems.addAll(monitoring(objects));
        problems.addAll(alerts(objects));
        problems.addAll(realmHardening(objects));
        problems.addAll(publicKeycloakPaths(objects));
        return problems;
    }

    // ---------------------------------------------------------------- database TLS

    /**
     * Every client of PostgreSQL uses TLS with full verification against the cluster's CA: the reactive client and
     * the JDBC URL (Flyway) of each service, Keycloak's JDBC URL; the CA file is mounted from {@code <cluster>-ca}
     * (ca.crt only, never the CA key); every CloudNativePG cluster refuses connections without TLS.
     */
    static List<String> databaseTls(List<ObjectNode> objects) {
        List<String> problems = new ArrayList<>();
        Map<String, String> common = data(objects, "city-common-config");
        expect(problems, common, "quarkus.datasource.reactive.postgresql.ssl-mode", "verify-full");
        expect(problems, common, "quarkus.datasource.reactive.hostname-verification-algorithm", "HTTPS");
        expect(problems, common, "quarkus.datasource.reactive.trust-certificate-pem", "true");
        expect(problems, common, "quarkus.datasource.reactive.trust-certificate-pem.certs", DB_CA);
        if ("true".equals(common.get("quarkus.datasource.reactive.trust-all"))) {
            problems.add("city-common-config: quarkus.datasource.reactive.trust-all=true verifies nothing");
        }
        SERVICE_DB.forEach((service, db) -> {
            Map<String, String> config = new LinkedHashMap<>(common);
            config.putAll(data(objects, service + "-config"));
            for (String key : List.of("quarkus.datasource.reactive.postgresql.ssl-mode",
                    "quarkus.datasource.reactive.trust-certificate-pem.certs",
                    "quarkus.datasource.reactive.hostname-verification-algorithm")) {
                if (!java.util.Objects.equals(config.get(key), common.get(key))) {
                    problems.add(service + "-config overrides " + key + " with " + config.get(key));
                }
            }
            String jdbc = config.getOrDefault("quarkus.datasource.jdbc.url", "");
            if (!jdbc.startsWith("jdbc:postgresql://" + db + "-rw:") || !jdbcVerifiesFully(jdbc)) {
                problems.add(service + ": JDBC URL must reach " + db + "-rw with sslmode=verify-full&sslrootcert="
                        + DB_CA + ", not " + jdbc);
            }
            String reactive = config.getOrDefault("quarkus.datasource.reactive.url", "");
            if (!reactive.startsWith("postgresql://" + db + "-rw:") || reactive.contains("sslmode=")) {
                problems.add(service + ": reactive URL must reach " + db + "-rw (TLS from the ssl-mode property): " + reactive);
            }
            find(objects, "Deployment", service).ifPresentOrElse(d -> {
                JsonNode pod = Manifests.podSpec(d);
                problems.addAll(caMount(service, pod, pod.path("containers").path(0), db + "-ca"));
            }, () -> problems.add("no Deployment " + service));
        });
        find(objects, "Keycloak", "keycloak").ifPresentOrElse(k -> {
            String url = k.path("spec").path("db").path("url").asText();
            if (!url.startsWith("jdbc:postgresql://keycloak-db-rw:") || !jdbcVerifiesFully(url)) {
                problems.add("Keycloak: spec.db.url must reach keycloak-db-rw with sslmode=verify-full&sslrootcert=" + DB_CA
                        + ", not '" + url + "'");
            }
            JsonNode pod = k.path("spec").path("unsupported").path("podTemplate").path("spec");
            JsonNode container = null;
            for (JsonNode c : pod.path("containers")) {
                if ("keycloak".equals(c.path("name").asText())) {
                    container = c;
                }
            }
            problems.addAll(caMount("Keycloak", pod, container == null ? Manifests.JSON.createObjectNode() : container,
                    "keycloak-db-ca"));
        }, () -> problems.add("no Keycloak keycloak"));
        for (ObjectNode cluster : ofKind(objects, "Cluster")) {
            List<String> hba = new ArrayList<>();
            cluster.path("spec").path("postgresql").path("pg_hba").forEach(l -> hba.add(l.asText().trim().replaceAll("\\s+", " ")));
            for (String net : List.of("0.0.0.0/0", "::/0")) {
                if (!hba.contains("hostnossl all all " + net + " reject")) {
                    problems.add(Manifests.id(cluster) + ": pg_hba must refuse plain connections (hostnossl all all " + net + " reject)");
                }
            }
        }
        return problems;
    }

    private static boolean jdbcVerifiesFully(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return false;
        }
        Set<String> params = new TreeSet<>(List.of(url.substring(q + 1).split("&")));
        return params.contains("sslmode=verify-full") && params.contains("sslrootcert=" + DB_CA)
                && params.stream().noneMatch(p -> p.startsWith("sslfactory=org.postgresql.ssl.NonValidating"));
    }

    private static List<String> caMount(String who, JsonNode pod, JsonNode container, String secret) {
        List<String> problems = new ArrayList<>();
        String volume = null;
        for (JsonNode m : container.path("volumeMounts")) {
            if (DB_CA_DIR.equals(m.path("mountPath").asText())) {
                volume = m.path("name").asText();
            }
        }
        if (volume == null) {
            problems.add(who + ": no volume mounted at " + DB_CA_DIR);
            return problems;
        }
        for (JsonNode v : pod.path("volumes")) {
            if (volume.equals(v.path("name").asText())) {
                JsonNode s = v.path("secret");
                List<String> keys = new ArrayList<>();
                s.path("items").forEach(i -> keys.add(i.path("key").asText() + "->" + i.path("path").asText()));
                if (!secret.equals(s.path("secretName").asText()) || !keys.equals(List.of("ca.crt->ca.crt"))) {
                    problems.add(who + ": " + DB_CA_DIR + " must hold only ca.crt of Secret " + secret + " (items), not "
                            + s.path("secretName").asText() + " " + keys);
                }
                return problems;
            }
        }
        problems.add(who + ": volume " + volume + " not declared");
        return problems;
    }

    // ---------------------------------------------------------------- spread

    /**
     * Pods that serve together never share a node: the services and Keycloak spread over nodes with
     * {@code DoNotSchedule}; in prod each Kafka node pool has required anti-affinity and a hard node spread, and the
     * Kafka cluster is rack-aware.
     */
    static List<String> spread(String overlay, List<ObjectNode> objects) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode d : ofKind(objects, "Deployment")) {
            JsonNode pod = d.path("spec").path("template");
            Map<String, String> labels = WorkloadRulesTest.labels(pod.path("metadata").path("labels"));
            if (!hardNodeSpread(pod.path("spec").path("topologySpreadConstraints"), labels)) {
                problems.add(Manifests.id(d) + ": needs a topologySpreadConstraint on kubernetes.io/hostname with"
                        + " whenUnsatisfiable DoNotSchedule selecting its own pods");
            }
        }
        find(objects, "Keycloak", "keycloak").ifPresent(k -> {
            if (!hardNodeSpread(k.path("spec").path("scheduling").path("topologySpreadConstraints"), KEYCLOAK_POD)) {
                problems.add("Keycloak/keycloak: spec.scheduling needs a hard spread over kubernetes.io/hostname");
            }
        });
        if (overlay.equals("prod")) {
            for (ObjectNode pool : ofKind(objects, "KafkaNodePool")) {
                Map<String, String> labels = Map.of("strimzi.io/cluster", "city-kafka", "strimzi.io/kind", "Kafka",
                        "strimzi.io/pool-name", Manifests.name(pool));
                JsonNode podTemplate = pool.path("spec").path("template").path("pod");
                boolean antiAffinity = false;
                for (JsonNode term : podTemplate.path("affinity").path("podAntiAffinity")
                        .path("requiredDuringSchedulingIgnoredDuringExecution")) {
                    antiAffinity |= "kubernetes.io/hostname".equals(term.path("topologyKey").asText())
                            && WorkloadRulesTest.selects(term.path("labelSelector"), labels);
                }
                if (!antiAffinity) {
                    problems.add(Manifests.id(pool) + ": needs required pod anti-affinity on kubernetes.io/hostname"
                            + " against its own pool");
                }
                if (!hardNodeSpread(podTemplate.path("topologySpreadConstraints"), labels)) {
                    problems.add(Manifests.id(pool) + ": needs a hard topology spread over kubernetes.io/hostname");
                }
            }
            find(objects, "Kafka", "city-kafka").ifPresent(k -> {
                if (k.path("spec").path("kafka").path("rack").path("topologyKey").asText().isEmpty()) {
                    problems.add("Kafka/city-kafka: prod needs spec.kafka.rack (replicas of a partition in different zones)");
                }
            });
        }
        return problems;
    }

    private static boolean hardNodeSpread(JsonNode constraints, Map<String, String> podLabels) {
        for (JsonNode c : constraints) {
            if ("kubernetes.io/hostname".equals(c.path("topologyKey").asText())
                    && "DoNotSchedule".equals(c.path("whenUnsatisfiable").asText())
                    && c.path("maxSkew").asInt(0) == 1
                    && WorkloadRulesTest.selects(c.path("labelSelector"), podLabels)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- disruption budgets

    /** Keycloak's pods have a PodDisruptionBudget that lets drains go one pod at a time. */
    static List<String> keycloakDisruptionBudget(List<ObjectNode> objects) {
        for (ObjectNode pdb : ofKind(objects, "PodDisruptionBudget")) {
            if (WorkloadRulesTest.selects(pdb.path("spec").path("selector"), KEYCLOAK_POD)) {
                JsonNode spec = pdb.path("spec");
                if (spec.path("maxUnavailable").asInt(0) == 1 && !spec.has("minAvailable")) {
                    return List.of();
                }
                return List.of(Manifests.id(pdb) + ": Keycloak's budget must be maxUnavailable: 1 (drains one pod at a time,"
                        + " and still possible with a single instance)");
            }
        }
        return List.of("no PodDisruptionBudget selects Keycloak's pods " + KEYCLOAK_POD);
    }

    // ---------------------------------------------------------------- monitoring

    /**
     * Kafka exports metrics and consumer-group lag, Kafka and every CloudNativePG cluster are scraped (PodMonitors),
     * and the Grafana dashboard is a ConfigMap of valid JSON showing the system's metrics.
     */
    static List<String> monitoring(List<ObjectNode> objects) {
        List<String> problems = new ArrayList<>();
        find(objects, "Kafka", "city-kafka").ifPresentOrElse(k -> {
            if (k.path("spec").path("kafka").path("metricsConfig").path("type").asText().isEmpty()) {
                problems.add("Kafka/city-kafka: no spec.kafka.metricsConfig");
            }
            if (!k.path("spec").has("kafkaExporter")) {
                problems.add("Kafka/city-kafka: no spec.kafkaExporter (consumer-group lag)");
            }
        }, () -> problems.add("no Kafka city-kafka"));
        List<ObjectNode> podMonitors = ofKind(objects, "PodMonitor");
        Map<String, Map<String, String>> scraped = new LinkedHashMap<>();
        scraped.put("Kafka brokers", Map.of("strimzi.io/cluster", "city-kafka", "strimzi.io/kind", "Kafka",
                "strimzi.io/pool-name", "any"));
        scraped.put("Kafka exporter", Map.of("strimzi.io/cluster", "city-kafka", "strimzi.io/kind", "Kafka",
                "strimzi.io/name", "city-kafka-kafka-exporter"));
        for (ObjectNode cluster : ofKind(objects, "Cluster")) {
            scraped.put("PostgreSQL " + Manifests.name(cluster), Map.of("cnpg.io/cluster", Manifests.name(cluster),
                    "cnpg.io/podRole", "instance"));
        }
        scraped.forEach((what, labels) -> {
            boolean found = podMonitors.stream().anyMatch(m -> podSelectorMatches(m.path("spec").path("selector"), labels)
                    && m.path("spec").path("podMetricsEndpoints").size() > 0);
            if (!found) {
                problems.add("no PodMonitor scrapes " + what + " " + labels);
            }
        });
        Optional<ObjectNode> dashboard = ofKind(objects, "ConfigMap").stream()
                .filter(c -> "1".equals(c.path("metadata").path("labels").path("grafana_dashboard").asText())).findFirst();
        if (dashboard.isEmpty()) {
            problems.add("no Grafana dashboard ConfigMap (label grafana_dashboard=1)");
        } else {
            dashboard.get().path("data").fields().forEachRemaining(e -> {
                try {
                    JsonNode json = Manifests.JSON.readTree(e.getValue().asText());
                    String text = json.toString();
                    if (json.path("panels").size() == 0) {
                        problems.add("dashboard " + e.getKey() + " has no panels");
                    }
                    for (String metric : DASHBOARD_METRICS) {
                        if (!text.contains(metric)) {
                            problems.add("dashboard " + e.getKey() + " does not show " + metric);
                        }
                    }
                } catch (IOException ex) {
                    problems.add("dashboard " + e.getKey() + " is not JSON: " + ex.getMessage());
                }
            });
        }
        return problems;
    }

    /** matchLabels equal and matchExpressions (In, Exists) satisfied; "any" in labels stands for any value. */
    static boolean podSelectorMatches(JsonNode selector, Map<String, String> labels) {
        boolean ok = true;
        for (Map.Entry<String, String> e : WorkloadRulesTest.labels(selector.path("matchLabels")).entrySet()) {
            String have = labels.get(e.getKey());
            ok &= have != null && (have.equals("any") || have.equals(e.getValue()));
        }
        for (JsonNode expr : selector.path("matchExpressions")) {
            String have = labels.get(expr.path("key").asText());
            switch (expr.path("operator").asText()) {
                case "Exists" -> ok &= have != null;
                case "In" -> {
                    List<String> values = new ArrayList<>();
                    expr.path("values").forEach(v -> values.add(v.asText()));
                    ok &= have != null && (have.equals("any") || values.contains(have));
                }
                default -> ok = false;
            }
        }
        return ok && (selector.path("matchLabels").size() + selector.path("matchExpressions").size()) > 0;
    }

    // ---------------------------------------------------------------- alerts

    private static final Pattern ANCHOR = Pattern.compile("#([a-z0-9-]+)$");

    /**
     * A PrometheusRule holds every required alert, each with a severity, a summary, an expression over its metric
     * and a runbook section that exists in deploy/kubernetes/README.md.
     */
    static List<String> alerts(List<ObjectNode> objects) {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> rules = new LinkedHashMap<>();
        for (ObjectNode pr : ofKind(objects, "PrometheusRule")) {
            for (JsonNode group : pr.path("spec").path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    if (rule.has("alert")) {
                        rules.put(rule.path("alert").asText(), rule);
                    }
                }
            }
        }
        Set<String> anchors = readmeAnchors();
        REQUIRED_ALERTS.forEach((alert, metric) -> {
            JsonNode rule = rules.get(alert);
            if (rule == null) {
                problems.add("no alert " + alert);
                return;
            }
            if (!rule.path("expr").asText().contains(metric)) {
                problems.add(alert + ": expression does not use " + metric);
            }
        });
        rules.forEach((alert, rule) -> {
            if (!List.of("critical", "warning").contains(rule.path("labels").path("severity").asText())) {
                problems.add(alert + ": label severity must be critical or warning");
            }
            if (rule.path("annotations").path("summary").asText().isBlank()) {
                problems.add(alert + ": no summary");
            }
            Matcher m = ANCHOR.matcher(rule.path("annotations").path("runbook_url").asText());
            if (!m.find() || !anchors.contains(m.group(1))) {
                problems.add(alert + ": runbook_url must point at a section of deploy/kubernetes/README.md, not '"
                        + rule.path("annotations").path("runbook_url").asText() + "'");
            }
        });
        return problems;
    }

    /** GitHub-style anchors of the runbook's headings. */
    static Set<String> readmeAnchors() {
        Set<String> anchors = new TreeSet<>();
        for (String line : Manifests.read(Manifests.kubernetesDir().resolve("README.md")).split("\n")) {
            if (line.startsWith("#")) {
                String title = line.replaceFirst("^#+\\s*", "").trim().toLowerCase();
                anchors.add(title.replaceAll("[^a-z0-9 -]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

    // ---------------------------------------------------------------- Keycloak

    static final Pattern MIN_LENGTH = Pattern.compile("(?:^|\\s)length\\((\\d+)\\)");

    /**
     * The Kubernetes realm: brute-force protection, a password policy of at least 12 characters, and no password
     * grant (nor implicit flow) on any client; public clients use the code flow with PKCE S256, confidential ones
     * client credentials.
     */
    static List<String> realmHardening(List<ObjectNode> objects) {
        List<String> problems = new ArrayList<>();
        List<ObjectNode> imports = ofKind(objects, "KeycloakRealmImport");
        if (imports.isEmpty()) {
            problems.add("no KeycloakRealmImport");
        }
        for (ObjectNode imp : imports) {
            JsonNode realm = imp.path("spec").path("realm");
            String id = Manifests.id(imp);
            if (!realm.path("bruteForceProtected").asBoolean(false)) {
                problems.add(id + ": bruteForceProtected must be true");
            }
            if (realm.path("failureFactor").asInt(0) < 1 || realm.path("failureFactor").asInt(0) > 10) {
                problems.add(id + ": failureFactor must be 1..10 failures before a lockout");
            }
            Matcher length = MIN_LENGTH.matcher(realm.path("passwordPolicy").asText(""));
            if (!length.find() || Integer.parseInt(length.group(1)) < 12) {
                problems.add(id + ": passwordPolicy must require length(12) or more, not '" + realm.path("passwordPolicy").asText("") + "'");
            }
            for (JsonNode client : realm.path("clients")) {
                String cid = id + " client " + client.path("clientId").asText();
                if (!client.path("directAccessGrantsEnabled").isBoolean() || client.path("directAccessGrantsEnabled").asBoolean()) {
                    problems.add(cid + ": the password grant (directAccessGrantsEnabled) must be explicitly false");
                }
                if (client.path("implicitFlowEnabled").asBoolean(false)) {
                    problems.add(cid + ": implicit flow");
                }
                if (client.path("publicClient").asBoolean(false)) {
                    if (!client.path("standardFlowEnabled").asBoolean(true)
                            || !"S256".equals(client.path("attributes").path("pkce.code.challenge.method").asText())) {
                        problems.add(cid + ": a public client signs people in with the code flow and PKCE S256");
                    }
                } else if (client.path("standardFlowEnabled").asBoolean(false)) {
                    if (!"S256".equals(client.path("attributes").path("pkce.code.challenge.method").asText())) {
                        problems.add(cid + ": a confidential web client signs people in with the code flow and PKCE S256");
                    }
                } else if (!client.path("bearerOnly").asBoolean(false) && !client.path("serviceAccountsEnabled").asBoolean(false)) {
                    problems.add(cid + ": a confidential client authenticates machines with client credentials (service account)");
                }
            }
        }
        return problems;
    }

    /** The public Keycloak Ingress publishes the city realm (and the login pages' static files) only. */
    static List<String> publicKeycloakPaths(List<ObjectNode> objects) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode ing : ofKind(objects, "Ingress")) {
            for (JsonNode rule : ing.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    if (!"keycloak-service".equals(path.path("backend").path("service").path("name").asText())) {
                        continue;
                    }
                    String p = path.path("path").asText();
                    if (!List.of("/realms/city/", "/resources/").contains(p) || !"Prefix".equals(path.path("pathType").asText())) {
                        problems.add(Manifests.id(ing) + ": publishes Keycloak path " + p + " (only /realms/city/ and /resources/)");
                    }
                }
            }
        }
        return problems;
    }

    // ---------------------------------------------------------------- helpers

    static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(Manifests.kind(o))).toList();
    }

    static Optional<ObjectNode> find(List<ObjectNode> objects, String kind, String name) {
        return objects.stream().filter(o -> kind.equals(Manifests.kind(o)) && name.equals(Manifests.name(o))).findFirst();
    }

    /** Data of the generated ConfigMap {@code prefix-<hash>}. */
    static Map<String, String> data(List<ObjectNode> objects, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        ofKind(objects, "ConfigMap").stream()
                .filter(c -> Manifests.name(c).matches(Pattern.quote(prefix) + "-[a-z0-9]{10}"))
                .findFirst()
                .ifPresent(c -> c.path("data").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText())));
        return out;
    }

    private static void expect(List<String> problems, Map<String, String> config, String key, String value) {
        if (!value.equals(config.get(key))) {
            problems.add("city-common-config: " + key + " must be " + value + ", not " + config.get(key));
        }
    }
}
