package vn.city.task.support;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import vn.city.common.testing.Tokens;

import static io.restassured.RestAssured.given;

/** Requests as a fixture user, with a real token from the local Keycloak. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static String newTask(String title, String lead, String coordinatingJson, String deadline, String period) {
        return """
                {"title": "%s", "content": "Nội dung: %s", "source": {"kind": "AD_HOC"},
                 "leadUnit": "%s", "coordinatingUnits": %s, "deadline": %s, "ongoing": %s,
                 "priority": "HIGH", "indicatorCodes": ["RETAIL"], "period": "%s"}"""
                .formatted(title, title, lead, coordinatingJson, deadline == null ? "null" : "\"" + deadline + "\"",
                        deadline == null, period);
    }
}
