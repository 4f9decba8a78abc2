package vn.city.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the local Keycloak for the fixture users (password = user name, local only), through
 * the public client {@code city-cli}, cached until shortly before they expire.
 */
public final class Tokens {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String token, Instant expires) {
    }

    private Tokens() {
    }

    /** Keycloak's base URL: the container's when {@link ContainerStack} runs, else the local stack's. */
    public static String keycloak() {
        return System.getProperty("city.keycloak.url",
                System.getenv().getOrDefault("CITY_KEYCLOAK_URL", "http://localhost:8180"));
    }

    /** An access token of a fixture user ({@code leader}, {@code officer-fin}, …). */
    public static String of(String username) {
        Cached cached = CACHE.get(username);
        if (cached != null && Instant.now().isBefore(cached.expires())) {
            return cached.token();
        }
        JsonNode body = post("/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "city-cli", "username", username, "password", username));
        String token = body.get("access_token").asText();
        CACHE.put(username, new Cached(token, Instant.now().plusSeconds(body.get("expires_in").asLong() - 30)));
        return token;
    }

    /** A requesting party token: the access token exchanged for one carrying the user's permissions on a service. */
    public static String rpt(String username, String serviceClient) {
        JsonNode body = post("/protocol/openid-connect/token", Map.of(
                "grant_type", "urn:ietf:params:oauth:grant-type:uma-ticket", "audience", serviceClient),
                of(username));
        return body.get("access_token").asText();
    }

    private static JsonNode post(String path, Map<String, String> form) {
        return post(path, form, null);
    }

    private static JsonNode post(String path, Map<String, String> form, String bearer) {
        StringBuilder encoded = new StringBuilder();
        form.forEach((k, v) -> {
            if (!encoded.isEmpty()) {
                encoded.append('&');
            }
            encoded.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloak() + "/realms/city" + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded.toString()));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + keycloak() + " is not reachable; start deploy/local/infra.sh up", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
