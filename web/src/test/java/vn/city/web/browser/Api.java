package vn.city.web.browser;

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

/** Test data through the services' APIs with a fixture user's token (client city-cli, password grant). */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private Api() {
    }

    private static final java.util.Map<String, String[]> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A fixture user's access token, kept for a minute (the realm's tokens live 15). */
    static String token(String user) {
        String[] cached = TOKENS.get(user);
        if (cached != null && Long.parseLong(cached[1]) > System.currentTimeMillis()) {
            return cached[0];
        }
        String t = fetchToken(user);
        TOKENS.put(user, new String[] {t, Long.toString(System.currentTimeMillis() + 60_000)});
        return t;
    }

    private static String fetchToken(String user) {
        String form = "grant_type=password&client_id=city-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
        JsonNode r = send(HttpRequest.newBuilder(URI.create("http://localhost:8180/realms/city/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), 200);
        return r.path("access_token").asText();
    }

    static JsonNode post(String user, String url, Object body, int expected) {
        try {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token(user))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), expected);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode get(String user, String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token(user)).GET(), 200);
    }

    private static JsonNode send(HttpRequest.Builder b, int expected) {
        try {
            HttpResponse<String> r = HTTP.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != expected / 100) {
                throw new IllegalStateException(r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
