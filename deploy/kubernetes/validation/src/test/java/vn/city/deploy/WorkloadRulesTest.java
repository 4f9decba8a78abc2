package vn.city.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The operational rules, checked for every workload of every overlay. */
class WorkloadRulesTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceHasItsWorkload(String overlay) {
        for (String service : Manifests.SERVICES) {
            Manifests.get(overlay, "Deployment", service);
        }
        assertThat(Manifests.workloads(overlay)).as(overlay + " workloads").isNotEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyContainerHasProbesLimitsAndARestrictedSecurityContext(String overlay) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode w : Manifests.workloads(overlay)) {
            String id = Manifests.id(w);
            JsonNode pod = Manifests.podSpec(w);
            JsonNode podSec = pod.path("securityContext");
            if (!pod.path("automountServiceAccountToken").isBoolean() || pod.path("automountServiceAccountToken").asBoolean()) {
                problems.add(id + ": automountServiceAccountToken must be false");
            }
            if (pod.path("serviceAccountName").asText().isEmpty()
                    || Manifests.find(overlay, "ServiceAccount", pod.path("serviceAccountName").asText()).isEmpty()) {
                problems.add(id + ": needs its own rendered ServiceAccount");
            }
            if (!podSec.path("runAsNonRoot").asBoolean(false)) {
                problems.add(id + ": pod securityContext.runAsNonRoot must be true");
            }
            if (podSec.path("runAsUser").isInt() && podSec.path("runAsUser").asInt() == 0) {
                problems.add(id + ": runs as root");
            }
            if (!"RuntimeDefault".equals(podSec.path("seccompProfile").path("type").asText())) {
                problems.add(id + ": pod seccompProfile must be RuntimeDefault");
            }
            List<JsonNode> containers = new ArrayList<>();
            pod.path("initContainers").forEach(containers::add);
            pod.path("containers").forEach(containers::add);
            Set<String> mounts = new HashSet<>();
            for (JsonNode c : containers) {
                String cid = id + " container " + c.path("name").asText();
                JsonNode sec = c.path("securityContext");
                if (!sec.path("runAsNonRoot").asBoolean(podSec.path("runAsNonRoot").asBoolean(false))) {
                    problems.add(cid + ": runAsNonRoot");
                }
                if (!sec.path("allowPrivilegeEscalation").isBoolean() || sec.path("allowPrivilegeEscalation").asBoolean()) {
                    problems.add(cid + ": allowPrivilegeEscalation must be false");
                }
                if (sec.path("privileged").asBoolean(false)) {
                    problems.add(cid + ": privileged");
                }
                if (!sec.path("readOnlyRootFilesystem").asBoolean(false)) {
                    problems.add(cid + ": readOnlyRootFilesystem must be true");
                }
                List<String> drop = new ArrayList<>();
                sec.path("capabilities").path("drop").forEach(d -> drop.add(d.asText()));
                if (!drop.contains("ALL")) {
                    problems.add(cid + ": capabilities must drop ALL");
                }
                if (sec.path("capabilities").path("add").size() > 0) {
                    problems.add(cid + ": adds capabilities");
                }
                String seccomp = sec.path("seccompProfile").path("type").asText(podSec.path("seccompProfile").path("type").asText());
                if (!"RuntimeDefault".equals(seccomp)) {
                    problems.add(cid + ": seccompProfile must be RuntimeDefault");
                }
                for (String res : List.of("cpu", "memory")) {
                    if (!c.path("resources").path("requests").has(res)) {
                        problems.add(cid + ": no " + res + " request");
                    }
                    if (!c.path("resources").path("limits").has(res)) {
                        problems.add(cid + ": no " + res + " limit");
                    }
                }
                if (c.path("image").asText().endsWith(":latest") || !c.path("image").asText().contains(":")) {
                    problems.add(cid + ": image must carry a version tag, not latest: " + c.path("image").asText());
                }
                c.path("volumeMounts").forEach(m -> mounts.add(m.path("mountPath").asText()));
            }
            for (JsonNode c : pod.path("containers")) {
                String cid = id + " container " + c.path("name").asText();
                Set<String> ports = new HashSet<>();
                c.path("ports").forEach(p -> ports.add(p.path("name").asText()));
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    JsonNode p = c.path(probe);
                    if (p.isMissingNode()) {
                        problems.add(cid + ": no " + probe);
                        continue;
                    }
                    String path = p.path("httpGet").path("path").asText();
                    String expected = switch (probe) {
                        case "startupProbe" -> "/q/health/started";
                        case "livenessProbe" -> "/q/health/live";
                        default -> "/q/health/ready";
                    };
                    if (!expected.equals(path)) {
                        problems.add(cid + ": " + probe + " must GET " + expected + " (Quarkus health), not " + path);
                    }
                    if (!"management".equals(p.path("httpGet").path("port").asText()) || !ports.contains("management")) {
                        problems.add(cid + ": " + probe + " must use the management port (outside the policy enforcer)");
                    }
                }
                BigDecimal limit = Quantities.bytes(c.path("resources").path("limits").path("memory").asText("0"));
                long heap = heapBytes(c, limit);
                if (heap <= 0) {
                    problems.add(cid + ": no heap cap (-Xmx or -XX:MaxRAMPercentage) in JAVA_OPTS");
                } else if (BigDecimal.valueOf(heap).compareTo(limit.multiply(new BigDecimal("0.75"))) > 0) {
                    problems.add(cid + ": heap " + heap + " B exceeds 75% of the memory limit " + limit + " B");
                }
                if (c.path("lifecycle").path("preStop").isMissingNode()) {
                    problems.add(cid + ": no preStop hook (graceful shutdown)");
                }
            }
            if (!mounts.contains("/tmp")) {
                problems.add(id + ": read-only root filesystem needs a writable /tmp volume");
            }
            int grace = pod.path("terminationGracePeriodSeconds").asInt(30);
            int preStop = pod.path("containers").get(0).path("lifecycle").path("preStop").path("sleep").path("seconds").asInt(0);
            if (grace < preStop + 20 + 5) {
                problems.add(id + ": terminationGracePeriodSeconds " + grace + " shorter than preStop + quarkus.shutdown.timeout + margin");
            }
        }
        assertThat(problems).as(overlay + ": workload rule violations").isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void gracefulShutdownTimeoutIsConfigured(String overlay) {
        ObjectNode common = configMap(overlay, "city-common-config");
        assertThat(common.path("data").path("quarkus.shutdown.timeout").asText()).isEqualTo("20s");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyWorkloadHasADisruptionBudgetANetworkPolicyAServiceAndAServiceMonitor(String overlay) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode w : Manifests.workloads(overlay)) {
            Map<String, String> labels = labels(w.path("spec").path("template").path("metadata").path("labels"));
            String id = Manifests.id(w);
            if (Manifests.ofKind(overlay, "PodDisruptionBudget").stream()
                    .noneMatch(p -> selects(p.path("spec").path("selector"), labels))) {
                problems.add(id + ": no PodDisruptionBudget");
            }
            List<ObjectNode> policies = Manifests.ofKind(overlay, "NetworkPolicy").stream()
                    .filter(p -> selects(p.path("spec").path("podSelector"), labels)).toList();
            if (policies.isEmpty()) {
                problems.add(id + ": no NetworkPolicy");
            }
            for (ObjectNode p : policies) {
                List<String> types = new ArrayList<>();
                p.path("spec").path("policyTypes").forEach(t -> types.add(t.asText()));
                if (!types.containsAll(List.of("Ingress", "Egress"))) {
                    problems.add(Manifests.id(p) + ": must restrict both Ingress and Egress");
                }
                for (JsonNode rule : p.path("spec").path("ingress")) {
                    for (JsonNode from : rule.path("from")) {
                        String ns = from.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText();
                        if (isWebApp(from)) {
                            continue; // the web app (same namespace) calls the services' APIs with the user's token
                        }
                        if (!List.of("ingress-nginx", "monitoring").contains(ns)) {
                            problems.add(Manifests.id(p) + ": ingress allowed from " + from + " (only the ingress controller and monitoring)");
                        }
                    }
                    if (rule.path("from").isEmpty()) {
                        problems.add(Manifests.id(p) + ": ingress rule without from (open to all)");
                    }
                }
                for (JsonNode rule : p.path("spec").path("egress")) {
                    if (rule.path("to").isEmpty()) {
                        problems.add(Manifests.id(p) + ": egress rule without to (open to all)");
                    }
                }
            }
            Set<ObjectNode> services = new HashSet<>();
            for (ObjectNode s : Manifests.ofKind(overlay, "Service")) {
                if (matchesAll(labels(s.path("spec").path("selector")), labels)) {
                    services.add(s);
                }
            }
            if (services.isEmpty()) {
                problems.add(id + ": no Service");
            }
            for (ObjectNode s : services) {
                Map<String, String> sLabels = labels(s.path("metadata").path("labels"));
                boolean monitored = Manifests.ofKind(overlay, "ServiceMonitor").stream().anyMatch(m ->
                        selects(m.path("spec").path("selector"), sLabels)
                                && m.path("spec").path("endpoints").findValuesAsText("port").contains("management")
                                && m.path("spec").path("endpoints").findValuesAsText("path").contains("/q/metrics"));
                if (!monitored) {
                    problems.add(Manifests.id(s) + ": no ServiceMonitor scraping management /q/metrics");
                }
            }
        }
        assertThat(problems).as(overlay + ": missing companions").isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void serviceEgressReachesOnlyItsDatabaseKafkaAndKeycloak(String overlay) {
        for (String service : Manifests.SERVICES) {
            ObjectNode policy = Manifests.get(overlay, "NetworkPolicy", service);
            String db = service.replace("-service", "-db");
            List<String> podTargets = new ArrayList<>();
            for (JsonNode rule : policy.path("spec").path("egress")) {
                for (JsonNode to : rule.path("to")) {
                    if (!to.has("namespaceSelector")) {
                        podTargets.add(labels(to.path("podSelector").path("matchLabels")).toString());
                    }
                }
            }
            assertThat(podTargets).as(service + " in-namespace egress targets").containsExactlyInAnyOrder(
                    Map.of("cnpg.io/cluster", db).toString(),
                    new java.util.TreeMap<>(Map.of("strimzi.io/cluster", "city-kafka", "strimzi.io/kind", "Kafka",
                            "strimzi.io/broker-role", "true")).toString(),
                    new java.util.TreeMap<>(Map.of("app", "keycloak", "app.kubernetes.io/instance", "keycloak")).toString());
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void replicasAutoscalingAndDisruptionBudgetsFitTheOverlay(String overlay) {
        for (String service : Manifests.SERVICES) {
            ObjectNode d = Manifests.get(overlay, "Deployment", service);
            ObjectNode pdb = Manifests.get(overlay, "PodDisruptionBudget", service);
            assertThat(pdb.path("spec").path("maxUnavailable").asInt()).as(service + " PDB").isEqualTo(1);
            if (overlay.equals("dev")) {
                assertThat(d.path("spec").path("replicas").asInt()).as(service + " dev replicas").isEqualTo(1);
                assertThat(Manifests.find(overlay, "HorizontalPodAutoscaler", service)).as("no HPA in dev").isEmpty();
            } else {
                ObjectNode hpa = Manifests.get(overlay, "HorizontalPodAutoscaler", service);
                assertThat(hpa.path("spec").path("scaleTargetRef").path("name").asText()).isEqualTo(service);
                assertThat(hpa.path("spec").path("scaleTargetRef").path("kind").asText()).isEqualTo("Deployment");
                assertThat(hpa.path("spec").path("minReplicas").asInt()).as(service + " HA minimum").isGreaterThanOrEqualTo(2);
                assertThat(hpa.path("spec").path("maxReplicas").asInt()).isGreaterThan(hpa.path("spec").path("minReplicas").asInt());
                assertThat(d.path("spec").has("replicas")).as(service + ": prod leaves replicas to the HPA").isFalse();
                assertThat(d.path("spec").path("strategy").path("rollingUpdate").path("maxUnavailable").asInt()).isZero();
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void referencesResolve(String overlay) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode w : Manifests.workloads(overlay)) {
            JsonNode pod = Manifests.podSpec(w);
            for (JsonNode c : pod.path("containers")) {
                for (JsonNode from : c.path("envFrom")) {
                    String cm = from.path("configMapRef").path("name").asText();
                    if (!cm.isEmpty() && Manifests.find(overlay, "ConfigMap", cm).isEmpty()) {
                        problems.add(Manifests.id(w) + ": ConfigMap " + cm + " not rendered");
                    }
                }
            }
        }
        for (ObjectNode s : Manifests.ofKind(overlay, "Service")) {
            Map<String, String> selector = labels(s.path("spec").path("selector"));
            List<ObjectNode> backing = Manifests.workloads(overlay).stream()
                    .filter(w -> matchesAll(selector, labels(w.path("spec").path("template").path("metadata").path("labels")))).toList();
            if (backing.isEmpty()) {
                problems.add(Manifests.id(s) + ": selects no workload");
            }
            for (JsonNode port : s.path("spec").path("ports")) {
                String target = port.path("targetPort").asText();
                boolean found = backing.stream().anyMatch(w -> Manifests.podSpec(w).path("containers").findValuesAsText("name").contains(target)
                        || Manifests.podSpec(w).path("containers").findValues("ports").stream()
                        .anyMatch(ps -> ps.findValuesAsText("name").contains(target)));
                if (!found) {
                    problems.add(Manifests.id(s) + ": targetPort " + target + " not a container port");
                }
            }
        }
        for (ObjectNode ing : Manifests.ofKind(overlay, "Ingress")) {
            for (JsonNode backend : ing.path("spec").findValues("service")) {
                String name = backend.path("name").asText();
                var svc = Manifests.find(overlay, "Service", name);
                if (name.equals("keycloak-service")) {
                    continue; // created by the Keycloak Operator from the Keycloak resource
                }
                if (svc.isEmpty()) {
                    problems.add(Manifests.id(ing) + ": backend Service " + name + " not rendered");
                } else if (backend.path("port").has("name")
                        && !svc.get().path("spec").path("ports").findValuesAsText("name").contains(backend.path("port").path("name").asText())) {
                    problems.add(Manifests.id(ing) + ": Service " + name + " has no port " + backend.path("port"));
                }
            }
        }
        assertThat(problems).as(overlay + ": dangling references").isEmpty();
    }

    static ObjectNode configMap(String overlay, String prefix) {
        return Manifests.ofKind(overlay, "ConfigMap").stream()
                .filter(c -> Manifests.name(c).matches(Pattern.quote(prefix) + "-[a-z0-9]{10}"))
                .findFirst().orElseThrow(() -> new AssertionError(overlay + ": no ConfigMap " + prefix + "-<hash>"));
    }

    static Map<String, String> labels(JsonNode node) {
        Map<String, String> m = new java.util.TreeMap<>();
        node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    static boolean matchesAll(Map<String, String> selector, Map<String, String> labels) {
        return !selector.isEmpty() && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    static boolean selects(JsonNode labelSelector, Map<String, String> labels) {
        return matchesAll(labels(labelSelector.path("matchLabels")), labels);
    }

    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([kKmMgG]?)");
    private static final Pattern RAM_PERCENT = Pattern.compile("-XX:MaxRAMPercentage=(\\d+(\\.\\d+)?)");

    static long heapBytes(JsonNode container, BigDecimal limit) {
        String opts = "";
        for (JsonNode env : container.path("env")) {
            if (List.of("JAVA_OPTS", "JAVA_OPTS_APPEND", "JAVA_TOOL_OPTIONS").contains(env.path("name").asText())) {
                opts += " " + env.path("value").asText();
            }
        }
        Matcher m = XMX.matcher(opts);
        if (m.find()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2).toLowerCase()) {
                case "k" -> n << 10;
                case "m" -> n << 20;
                case "g" -> n << 30;
                default -> n;
            };
        }
        Matcher p = RAM_PERCENT.matcher(opts);
        if (p.find()) {
            return limit.multiply(new BigDecimal(p.group(1))).divide(BigDecimal.valueOf(100)).longValue();
        }
        return -1;
    }

    /** {@code from: podSelector app.kubernetes.io/name=web} of this namespace (issue 15: the web calls the APIs). */
    private static boolean isWebApp(JsonNode from) {
        return from.path("namespaceSelector").isMissingNode() && from.path("ipBlock").isMissingNode()
                && from.path("podSelector").path("matchLabels").size() == 1
                && "web".equals(from.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText());
    }
}
