package vn.city.bench;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The HTTP side: one client (a pool of HTTP/1.1 connections), Keycloak tokens as a real client gets them. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient client;
    private final String keycloak;

    Http(String keycloak, int threads) {
        this.keycloak = keycloak;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, threads), r -> {
            Thread t = new Thread(r, "http");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(pool).build();
    }

    /** Password grant of the public client city-cli (LOCAL fixture users: password = user name). */
    String accessToken(String user) {
        String form = "grant_type=password&client_id=city-cli&username=" + enc(user) + "&password=" + enc(user);
        return token(form, null);
    }

    /** Requesting party token: the access token exchanged once for the permissions it holds on one service. */
    String rpt(String accessToken, String audience) {
        return token("grant_type=" + enc("urn:ietf:params:oauth:grant-type:uma-ticket") + "&audience=" + enc(audience),
                accessToken);
    }

    private String token(String form, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(keycloak + "/realms/city/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> r = send(b.build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Keycloak token request failed: " + r.statusCode() + " " + r.body());
        }
        return json(r.body()).path("access_token").asText();
    }

    static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    static HttpRequest postJson(String url, String token, String body) {
        return request(url, token).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static HttpRequest putJson(String url, String token, String body) {
        return request(url, token).header("Content-Type", "application/json").header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static HttpRequest get(String url, String token) {
        return request(url, token).header("Accept", "application/json").GET().build();
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends and requires one of the expected statuses; returns the body. */
    String expect(HttpRequest request, int... statuses) {
        HttpResponse<String> r = send(request);
        for (int s : statuses) {
            if (r.statusCode() == s) {
                return r.body();
            }
        }
        throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + r.statusCode() + ": "
                + abbreviate(r.body()));
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + abbreviate(body), e);
        }
    }

    static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 600 ? s.substring(0, 600) + "…" : s;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
