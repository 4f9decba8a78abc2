package vn.city.common.testing;

import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The security chain every service must show against the real Keycloak: tokens, RPTs, 401/403 as problem+json,
 * public API description, health outside the enforcer. A service's test extends it and names its paths.
 */
public abstract class SecurityChainContract {

    /** The service's Keycloak client, e.g. {@code indicator-service}. */
    protected abstract String client();

    /** A write endpoint a viewer must be refused. */
    protected abstract String writePath();

    /** The management port in tests (health, metrics), as the application under test configured it. */
    private static int managementTestPort() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    @Test
    void meAnswersTheCallerWithDepartmentAndRoles() {
        given().auth().oauth2(Tokens.of("officer-fin"))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("username", equalTo("officer-fin"))
                .body("department", equalTo("FIN"))
                .body("roles", hasItem("department-officer"));
    }

    @Test
    void meAcceptsARequestingPartyToken() {
        given().auth().oauth2(Tokens.rpt("officer-songcau", client()))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("department", equalTo("W-SONGCAU"));
    }

    /** Each token is verified once and its identity reused (VerifiedTokenIdentityProvider): no other token's. */
    @Test
    void aTokenSeenBeforeCarriesOnlyItsOwnRightsAndAnAlteredCopyIsRefused() {
        String token = Tokens.rpt("officer-songcau", client());
        for (int use = 1; use <= 2; use++) {
            given().auth().oauth2(token).when().get("/api/me")
                    .then().statusCode(200).body("username", equalTo("officer-songcau")).body("department", equalTo("W-SONGCAU"));
        }
        String viewer = Tokens.of("viewer");
        for (int use = 1; use <= 2; use++) {
            given().auth().oauth2(viewer).contentType("application/json").body("{}")
                    .when().post(writePath()).then().statusCode(403);
        }
        String[] parts = token.split("\\.");
        String otherSignature = parts[0] + "." + parts[1] + "." + changed(parts[2]);
        String otherClaims = parts[0] + "." + changed(parts[1]) + "." + parts[2];
        given().auth().oauth2(otherSignature).when().get("/api/me").then().statusCode(401);
        given().auth().oauth2(otherClaims).when().get("/api/me").then().statusCode(401);
    }

    /** One base64url character in the middle replaced by another. */
    private static String changed(String segment) {
        int i = segment.length() / 2;
        char c = segment.charAt(i);
        return segment.substring(0, i) + (c == 'A' ? 'B' : 'A') + segment.substring(i + 1);
    }

    @Test
    void noTokenIs401ProblemJson() {
        given().when().get("/api/me")
                .then().statusCode(401)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(401));
    }

    @Test
    void garbageTokenIs401() {
        given().auth().oauth2("not.a.token")
                .when().get("/api/me")
                .then().statusCode(401)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void unmappedApiPathIsClosed() {
        given().when().get("/api/not-mapped").then().statusCode(401);
        given().auth().oauth2(Tokens.of("leader")).when().get("/api/not-mapped").then().statusCode(403);
    }

    @Test
    void viewerCannotWrite() {
        given().auth().oauth2(Tokens.of("viewer")).contentType("application/json").body("{}")
                .when().post(writePath())
                .then().statusCode(403)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void oversizedBodyIs413ProblemJson() {
        given().auth().oauth2(Tokens.of("secretariat")).contentType("application/json")
                .body("{\"note\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}")
                .when().post(writePath())
                .then().statusCode(413)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(413));
    }

    @Test
    void openApiIsPublic() {
        given().when().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void healthIsOnTheManagementPortWithoutToken() {
        given().baseUri("http://localhost").port(managementTestPort())
                .when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
        given().baseUri("http://localhost").port(managementTestPort())
                .when().get("/q/metrics")
                .then().statusCode(200);
        RestAssured.reset();
    }
}
