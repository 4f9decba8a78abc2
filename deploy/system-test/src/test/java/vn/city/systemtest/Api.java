package vn.city.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import vn.city.common.testing.Tokens;
import vn.city.systemtest.ServiceProcesses.Instance;

import java.io.IOException;

/** HTTP calls to a service process as a fixture user (real Keycloak token), with REST Assured. */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config().httpClient(HttpClientConfig
            .httpClientConfig()
            .setParam("http.connection.timeout", 10_000)
            .setParam("http.socket.timeout", 120_000));

    private Api() {
    }

    /** A request to {@code instance} as {@code user} (null = no token), JSON in and out. */
    public static RequestSpecification as(String user, Instance instance) {
        RequestSpecification spec = RestAssured.given().config(CONFIG).baseUri(instance.baseUri())
                .contentType(ContentType.JSON).accept(ContentType.JSON);
        if (user != null) {
            spec.header("Authorization", "Bearer " + Tokens.of(user));
        }
        return spec;
    }

    /** A request with a raw bearer token (or none), nothing else set. */
    public static RequestSpecification withToken(String token, Instance instance) {
        RequestSpecification spec = RestAssured.given().config(CONFIG).baseUri(instance.baseUri());
        if (token != null) {
            spec.header("Authorization", "Bearer " + token);
        }
        return spec;
    }

    public static JsonNode json(Response r) {
        try {
            String body = r.asString();
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + r.statusCode() + "): " + r.asString(), e);
        }
    }

    /** The body as JSON, after checking the status; the failure message shows the answer. */
    public static JsonNode expect(Response r, int status) {
        if (r.statusCode() != status) {
            throw new AssertionError("expected " + status + " but got " + r.statusCode() + ": " + r.asString());
        }
        return json(r);
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
