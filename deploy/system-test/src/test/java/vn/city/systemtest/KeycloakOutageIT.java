package vn.city.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.city.common.testing.Tokens;
import vn.city.systemtest.ServiceProcesses.Instance;
import vn.city.systemtest.ServiceProcesses.Service;
import vn.city.systemtest.Traffic.Result;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Keycloak goes away (a proxy in front of it is cut; the shared Keycloak keeps running) for two indicator-service
 * instances that reach it only through that proxy: one that was serving, one started while Keycloak was away.
 * A request that needs Keycloak (a plain access token: the policy enforcer must ask it) answers 503 problem+json
 * with Retry-After, never 403 or 500; a request decided locally (an RPT, whose keys the instance holds) keeps
 * working; readiness stays up and says Keycloak is degraded; once Keycloak is back both instances serve plain tokens
 * again without a restart.
 */
class KeycloakOutageIT {

    static final int KEYCLOAK_PROXY_PORT = Integer.getInteger("city.system-test.keycloak-proxy-port", 28180);
    static final int ROUNDS = 10;
    static final int COLD_ROUNDS = 2;
    static final List<Instance> STARTED = new ArrayList<>();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @AfterAll
    static void stopInstances() {
        STARTED.forEach(ServiceProcesses.get()::stop);
        STARTED.clear();
    }

    @Test
    void keycloakAwayAnswers503ForWhatNeedsItServesTheRestAndRecoversWithoutRestart() throws Exception {
        ServiceProcesses p = ServiceProcesses.get();
        String code = "ST_KC_" + Steps.suffix();
        Steps.createIndicator(code, "Chỉ tiêu kiểm thử mất Keycloak", "tấn", "FIN", List.of("FIN"));
        Traffic traffic = new Traffic();
        AtomicInteger period = new AtomicInteger();
        try (KeycloakProxy keycloak = new KeycloakProxy(KEYCLOAK_PROXY_PORT).restore()) {
            Map<String, String> viaProxy = new HashMap<>();
            viaProxy.put("quarkus.oidc.auth-server-url", keycloak.realmUrl());
            viaProxy.put("quarkus.oidc.token.issuer", KeycloakProxy.KEYCLOAK + "/realms/city");
            Instance serving = p.start(Service.INDICATOR, 2, viaProxy);
            STARTED.add(serving);
            String plain = Tokens.of("officer-fin");
            String rpt = Tokens.rpt("officer-fin", "indicator-service");

            // before: both kinds of token work through the proxy (keys and the enforcer's configuration are loaded)
            for (String token : List.of(plain, rpt)) {
                assertThat(traffic.call("read", "before", List.of(serving), "GET", "/api/indicators", token, null).status())
                        .isEqualTo(200);
                assertThat(figure(traffic, "before", serving, token, code, period).status()).isEqualTo(201);
            }
            assertThat(degraded(serving)).isFalse();

            keycloak.cut();
            Instant cutAt = Instant.now();
            Instance cold;
            Duration coldReady;
            try {
                for (int i = 0; i < ROUNDS; i++) {
                    traffic.call("read", "down-plain", List.of(serving), "GET", "/api/indicators", plain, null);
                    figure(traffic, "down-plain", serving, plain, code, period);
                    traffic.call("read", "down-rpt", List.of(serving), "GET", "/api/indicators", rpt, null);
                    figure(traffic, "down-rpt", serving, rpt, code, period);
                    traffic.call("read", "down-none", List.of(serving), "GET", "/api/indicators", null, null);
                }
                assertThat(ServiceProcesses.ready(serving)).as("readiness stays up while Keycloak is away").isTrue();
                await("readiness says Keycloak is degraded").atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(500)).until(() -> degraded(serving));

                // an instance started while Keycloak is away: it starts, is ready, and answers 503 for what needs it
                // (with the services' own connection-delay: each of its first requests waits that long for Keycloak)
                Instant launched = Instant.now();
                cold = p.start(Service.INDICATOR, 3, viaProxy);
                coldReady = Duration.between(launched, Instant.now());
                STARTED.add(cold);
                for (int i = 0; i < COLD_ROUNDS; i++) {
                    traffic.call("read", "cold-plain", List.of(cold), "GET", "/api/indicators", plain, null);
                    traffic.call("read", "cold-rpt", List.of(cold), "GET", "/api/indicators", rpt, null);
                    figure(traffic, "cold-plain", cold, plain, code, period);
                }
                assertThat(degraded(cold)).isTrue();
            } finally {
                keycloak.restore();
            }
            Instant restoredAt = Instant.now();

            // back: both instances serve plain tokens again, without a restart
            for (Instance i : List.of(serving, cold)) {
                await(i.name() + " serves a plain access token again").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> traffic.call("read", "after-wait", List.of(i), "GET", "/api/indicators", plain, null)
                                .status() == 200);
                for (String token : List.of(plain, rpt)) {
                    assertThat(traffic.call("read", "after", List.of(i), "GET", "/api/indicators", token, null).status())
                            .isEqualTo(200);
                    assertThat(figure(traffic, "after", i, token, code, period).status()).isEqualTo(201);
                }
                await(i.name() + " health no longer degraded").atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(500)).until(() -> !degraded(i));
            }
            Duration recovery = Duration.between(restoredAt, Instant.now());

            List<Result> all = traffic.results();
            Map<String, Map<String, Integer>> byPhase = new java.util.TreeMap<>();
            all.forEach(r -> byPhase.computeIfAbsent(r.tag(), k -> new java.util.TreeMap<>())
                    .merge(r.op() + " " + r.status(), 1, Integer::sum));
            Map<String, String> latency = new java.util.TreeMap<>();
            for (String tag : byPhase.keySet()) {
                List<Result> phase = all.stream().filter(r -> r.tag().equals(tag)).toList();
                latency.put(tag, "p50=" + Traffic.percentile(phase, 50) + "ms max=" + Traffic.percentile(phase, 100) + "ms");
            }
            Figures.record("keycloak-outage", "outage %d s; statuses by phase %s; latency by phase %s; cold instance "
                            + "ready %d s after launch with Keycloak away; recovered %d ms after Keycloak returned",
                    Duration.between(cutAt, restoredAt).toSeconds(), byPhase, latency, coldReady.toSeconds(),
                    recovery.toMillis());

            // a request needing Keycloak: 503 problem+json with Retry-After, never 401/403/500
            for (Result r : all.stream().filter(r -> r.tag().equals("down-plain") || r.tag().equals("cold-plain")).toList()) {
                assertThat(r.status()).as("%s %s: %s", r.tag(), r.op(), r.body()).isEqualTo(503);
                assertThat(r.retryable503()).as("503 with Retry-After as problem+json: %s", r).isTrue();
            }
            // decided locally: an RPT with cached keys keeps working; no token stays 401
            all.stream().filter(r -> r.tag().equals("down-rpt"))
                    .forEach(r -> assertThat(r.ok()).as("RPT during the outage: %s", r).isTrue());
            all.stream().filter(r -> r.tag().equals("down-none"))
                    .forEach(r -> assertThat(r.status()).as("no token during the outage").isEqualTo(401));
            // the instance started without Keycloak has no keys yet: an RPT needs Keycloak there, so 503 (or 200)
            all.stream().filter(r -> r.tag().equals("cold-rpt"))
                    .forEach(r -> assertThat(r.status() == 200 || r.retryable503()).as("RPT on the cold instance: %s", r).isTrue());
            assertThat(all).noneMatch(r -> r.status() >= 500 && r.status() != 503);
            assertThat(all).noneMatch(r -> r.status() == 403);
            // every figure answered 201 is stored, no 503 one is; every one produced its event, applied once by each consumer
            long created = all.stream().filter(r -> r.op().equals("figure") && r.status() == 201).count();
            assertThat(Db.count(Service.INDICATOR, "select count(*) from figure_submission where indicator_code = ?", code))
                    .isEqualTo(created);
            List<String> events = Db.strings(Service.INDICATOR, "select id::text from outbox_event where type ="
                    + " 'city.indicator.figure-submitted.v1' and event_key like ?", code + "/%");
            await("meeting-service applied the figures").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .until(() -> Db.countAny(Service.MEETING, "select count(*) from inbox_event where event_id = any(?)", events)
                            == events.size());
            // task-service keeps nothing of a figure: it consumed them all when its group has caught up
            Kafka.awaitCaughtUp(Duration.ofSeconds(60), Service.TASK);
            long views = Db.count(Service.MEETING, "select count(*) from figure_submission_view where indicator_code = ?", code);
            Figures.record("keycloak-outage", "figures accepted=%d stored=%d events produced=%d applied meeting-service=%d "
                            + "(read model rows %d) task-service caught up; lost=0 appliedTwice=%d", created, created, events.size(),
                    events.size(), views, views - events.size());
            assertThat(events).hasSize((int) created);
            assertThat(views).isEqualTo(created);
        }
    }

    private static Result figure(Traffic traffic, String tag, Instance target, String token, String code, AtomicInteger period) {
        String body = "{\"indicatorCode\":\"" + code + "\",\"unitCode\":\"FIN\",\"period\":\""
                + YearMonth.of(2003, 1).plusMonths(period.getAndIncrement()) + "\",\"version\":\"ESTIMATE\",\"value\":7}";
        return traffic.call("figure", tag, List.of(target), "POST", "/api/figures", token, body);
    }

    /** The readiness report's Keycloak check says degraded. */
    static boolean degraded(Instance instance) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(instance.readyUri()))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode checks = Api.JSON.readTree(r.body()).path("checks");
            for (JsonNode c : checks) {
                if ("keycloak".equals(c.path("name").asText())) {
                    return c.path("data").path("degraded").asBoolean(false);
                }
            }
            throw new AssertionError("no keycloak check in " + r.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
