package vn.city.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.city.common.testing.Tokens;
import vn.city.systemtest.ServiceProcesses.Instance;
import vn.city.systemtest.ServiceProcesses.Service;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens a hostile or confused client may send: expired, wrongly signed, tampered, {@code alg: none}, HMAC with a
 * guessed key, another issuer (Keycloak's master realm), another audience (a service account of another client, an
 * RPT for another service), garbage. Every service answers 401 problem+json to each, on a read and on a write.
 */
class BadTokenIT {

    static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Test
    void everyBadTokenIsRefusedWith401() throws Exception {
        ServiceProcesses.get();
        String real = Tokens.of("secretariat");
        String[] parts = real.split("\\.");
        ObjectNode header = (ObjectNode) Api.JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        ObjectNode claims = (ObjectNode) Api.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        long now = Instant.now().getEpochSecond();

        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        PrivateKey foreignKey = gen.generateKeyPair().getPrivate();

        Map<String, String> bad = new LinkedHashMap<>();
        ObjectNode expired = claims.deepCopy();
        expired.put("exp", now - 3600);
        expired.put("iat", now - 7200);
        bad.put("expired (exp an hour ago)", sign(header, expired, foreignKey));
        bad.put("wrongly signed (another RSA key, same kid)", sign(header, claims, foreignKey));
        ObjectNode tampered = claims.deepCopy();
        tampered.put("department", "FIN");
        tampered.put("preferred_username", "leader");
        bad.put("tampered claims, original signature", parts[0] + "." + enc(tampered) + "." + parts[2]);
        ObjectNode none = Api.JSON.createObjectNode().put("alg", "none").put("typ", "JWT");
        bad.put("alg none, empty signature", enc(none) + "." + parts[1] + ".");
        bad.put("alg none, signature kept", enc(none) + "." + parts[1] + "." + parts[2]);
        ObjectNode hs = Api.JSON.createObjectNode().put("alg", "HS256").put("typ", "JWT").put("kid", header.path("kid").asText());
        bad.put("HS256 with a guessed secret", hmac(hs, claims, "secret"));
        bad.put("signature stripped", parts[0] + "." + parts[1] + ".");
        bad.put("wrong issuer (master realm admin token)", masterToken());
        ObjectNode otherIssuer = claims.deepCopy();
        otherIssuer.put("iss", "http://localhost:8180/realms/other");
        bad.put("wrong issuer claim (self-signed)", sign(header, otherIssuer, foreignKey));
        bad.put("garbage", "not-a-jwt");
        bad.put("empty", "");

        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Service s : Service.values()) {
            Instance target = ServiceProcesses.get().base(s);
            Map<String, String> forService = new LinkedHashMap<>(bad);
            // a real, validly signed token of this realm whose audience is another service
            Service other = Service.values()[(s.ordinal() + 1) % Service.values().length];
            forService.put("wrong audience (service account of " + other.client() + ")", serviceAccount(other.client()));
            try {
                forService.put("wrong audience (RPT for " + other.client() + ")", Tokens.rpt("secretariat", other.client()));
            } catch (RuntimeException e) {
                failures.add("could not get an RPT for " + other.client() + ": " + e.getMessage());
            }
            String read = readPath(s);
            for (Map.Entry<String, String> t : forService.entrySet()) {
                for (String method : List.of("GET", "POST")) {
                    Response r = "GET".equals(method)
                            ? Api.withToken(t.getValue(), target).accept("application/json").get(read)
                            : Api.withToken(t.getValue(), target).contentType("application/json").accept("application/json")
                                    .body(writeBody(s)).post(writePath(s));
                    requests++;
                    String ct = r.contentType();
                    if (r.statusCode() != 401 || ct == null || !ct.startsWith("application/problem+json")) {
                        failures.add(s.module + " " + method + " with " + t.getKey() + ": " + r.statusCode() + " " + ct + " "
                                + r.asString());
                    }
                }
            }
            // the same call with the real token is allowed: the refusals above are about the token only
            assertThat(Api.withToken(real, target).get(read).statusCode()).isEqualTo(200);
        }
        Figures.record("bad-tokens", "kinds=%d (+2 wrong-audience per service) requests=%d not401=%d", bad.size(), requests,
                failures.size());
        failures.forEach(f -> Figures.record("bad-tokens", "FAIL %s", f));
        assertThat(failures).isEmpty();
    }

    static String readPath(Service s) {
        return switch (s) {
            case INDICATOR -> "/api/units";
            case TASK -> "/api/tasks";
            case MEETING -> "/api/meetings";
        };
    }

    static String writePath(Service s) {
        return switch (s) {
            case INDICATOR -> "/api/figures";
            case TASK -> "/api/tasks";
            case MEETING -> "/api/meetings";
        };
    }

    static String writeBody(Service s) {
        return switch (s) {
            case INDICATOR -> "{\"indicatorCode\":\"BUDGET_REVENUE\",\"unitCode\":\"FIN\",\"period\":\"2022-06\","
                    + "\"version\":\"ESTIMATE\",\"value\":1}";
            case TASK -> "{\"title\":\"x\",\"content\":\"x\",\"leadUnit\":\"FIN\",\"period\":\"2022-06\",\"deadline\":\"2030-01-01\"}";
            case MEETING -> "{\"type\":\"THEMATIC\",\"title\":\"x\",\"period\":\"2022-06\",\"startsAt\":\"2030-01-01T00:00:00Z\","
                    + "\"chair\":\"x\"}";
        };
    }

    static String enc(JsonNode node) throws Exception {
        return B64.encodeToString(Api.JSON.writeValueAsBytes(node));
    }

    static String sign(JsonNode header, JsonNode claims, PrivateKey key) throws Exception {
        String input = enc(header) + "." + enc(claims);
        Signature sig = Signature.getInstance("SHA256withRSA");
        sig.initSign(key);
        sig.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(sig.sign());
    }

    static String hmac(JsonNode header, JsonNode claims, String secret) throws Exception {
        String input = enc(header) + "." + enc(claims);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    /** A real token of Keycloak's master realm (the local stack's admin, local only): right server, wrong issuer. */
    static String masterToken() throws Exception {
        return token("/realms/master/protocol/openid-connect/token",
                "grant_type=password&client_id=admin-cli&username=admin&password=admin");
    }

    /** A real token of realm city for a service account: right issuer and signature, another client. */
    static String serviceAccount(String client) throws Exception {
        return token("/realms/city/protocol/openid-connect/token", "grant_type=client_credentials&client_id="
                + URLEncoder.encode(client, StandardCharsets.UTF_8) + "&client_secret="
                + URLEncoder.encode(client + "-secret", StandardCharsets.UTF_8));
    }

    static String token(String path, String form) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Tokens.keycloak() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("Keycloak token %s: %s", path, r.body()).isEqualTo(200);
        return Api.JSON.readTree(r.body()).path("access_token").asText();
    }
}
