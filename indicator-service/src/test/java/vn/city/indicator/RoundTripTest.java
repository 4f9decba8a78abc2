package vn.city.indicator;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.city.indicator.support.Api;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import vn.city.common.testing.Tokens;

import java.util.List;
import java.util.Map;

import static vn.city.indicator.support.Api.submit;

/** Measures one submission round trip with a real token through the policy enforcer; prints, never asserts a time. */
@QuarkusTest
class RoundTripTest {

    private static void post(String token, String ind, String period, int value) {
        RestAssured.given().filter(vn.city.common.testing.Api.validatingFilter()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("indicatorCode", ind, "unitCode", "FIN", "period", period, "version", "OFFICIAL",
                        "value", value))
                .post("/api/figures").then().statusCode(201);
    }

    @Test
    void measureOneSubmissionRoundTrip() {
        String ind = Api.indicator("RT", "tỷ đồng", "FLOW", "HIGHER_IS_BETTER", "FIN", List.of("FIN"));
        Api.target(ind, 2023, null, 1000, "PLAN");
        for (int n = 0; n < 20; n++) {
            submit("officer-fin", ind, "FIN", "2023-%02d".formatted(n % 12 + 1), "ESTIMATE", 10 + n, null).statusCode(201);
        }
        int calls = 50;
        long start = System.nanoTime();
        for (int n = 0; n < calls; n++) {
            submit("officer-fin", ind, "FIN", "2023-%02d".formatted(n % 12 + 1), "OFFICIAL", 20 + n, null).statusCode(201);
        }
        double ms = (System.nanoTime() - start) / 1_000_000.0 / calls;
        System.out.printf("ROUND TRIP: POST /api/figures with a real access token, %d calls after 20 warm-up: mean %.1f ms%n",
                calls, ms);

        // The same with a requesting party token: the enforcer finds the permissions in it and does not ask Keycloak.
        String rpt = Tokens.rpt("officer-fin", "indicator-service");
        for (int n = 0; n < 20; n++) {
            post(rpt, ind, "2023-%02d".formatted(n % 12 + 1), 30 + n);
        }
        start = System.nanoTime();
        for (int n = 0; n < calls; n++) {
            post(rpt, ind, "2023-%02d".formatted(n % 12 + 1), 40 + n);
        }
        ms = (System.nanoTime() - start) / 1_000_000.0 / calls;
        System.out.printf("ROUND TRIP: POST /api/figures with an RPT (no Keycloak call), %d calls after 20 warm-up: mean %.1f ms%n",
                calls, ms);
    }
}
