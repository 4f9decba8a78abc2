package vn.city.indicator.target;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.city.indicator.support.Api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static vn.city.indicator.support.Api.as;

@QuarkusTest
class TargetApiTest {

    @Test
    void aRevisedTargetKeepsItsHistoryAndTheLatestRevisionJudges() {
        String ind = Api.indicator("TGT", "tỷ đồng", "FLOW", "HIGHER_IS_BETTER", "FIN", List.of("FIN"));
        as("secretariat").body(target(ind, Map.of("valueText", "3.439,1", "kind", "PLAN", "documentNumber", "2888/QĐ-UBND",
                "documentDate", "2013-12-20"))).post("/api/targets").then().statusCode(201)
                .body("revision", equalTo(1)).body("documentNumber", equalTo("2888/QĐ-UBND"));
        String firstRevisionKnownAt = as("secretariat").body(target(ind, Map.of("value", 3600, "kind", "RESOLUTION",
                        "documentNumber", "15/NQ-HĐND", "documentDate", "2022-07-15"))).post("/api/targets").then()
                .statusCode(201).body("revision", equalTo(2)).extract().jsonPath().getString("setAt");

        as("viewer").queryParam("indicator", ind).queryParam("year", 2022).get("/api/targets/history").then()
                .statusCode(200).body("$", hasSize(2)).body("[0].kind", equalTo("PLAN"))
                .body("[1].kind", equalTo("RESOLUTION"));
        JsonPath current = as("viewer").queryParam("indicator", ind).queryParam("year", 2022).get("/api/targets")
                .then().statusCode(200).body("$", hasSize(1)).extract().jsonPath();
        assertThat(Api.dec(current, "[0].value")).isEqualByComparingTo("3600");

        JsonPath receipt = Api.submit("officer-fin", ind, "FIN", "2022-06", "ESTIMATE", 285, 1800).statusCode(201)
                .extract().jsonPath();
        assertThat(Api.dec(receipt, "result.target")).isEqualByComparingTo("3600");
        assertThat(Api.dec(receipt, "result.attainmentPercent")).isEqualByComparingTo("50.00");

        // a view as of just before the revision is judged by the target known then
        String before = java.time.OffsetDateTime.parse(firstRevisionKnownAt).minusNanos(1000).toString();
        Api.submit("officer-fin", ind, "FIN", "2022-05", "OFFICIAL", 280, 1515).statusCode(201);
        JsonPath then = as("viewer").queryParam("indicator", ind).queryParam("unit", "FIN").queryParam("period", "2022-06")
                .queryParam("asOf", before).get("/api/results").then().statusCode(200).extract().jsonPath();
        assertThat(Api.dec(then, "target")).isEqualByComparingTo("3439.1");
    }

    @Test
    void targetsAreTheSecretariatsAndChecked() {
        String ind = Api.indicator("TGB", "%", "LEVEL", "LOWER_IS_BETTER", "LAB", List.of("LAB"));
        Map<String, Object> ok = Map.of("value", 3, "kind", "RESOLUTION", "documentNumber", "1/NQ", "documentDate", "2016-01-01");
        as("officer-fin").body(target(ind, ok)).post("/api/targets").then().statusCode(403);
        Map<String, Object> unknown = target(ind, ok);
        unknown.put("indicatorCode", "NO_SUCH");
        as("secretariat").body(unknown).post("/api/targets").then().statusCode(422)
                .body("errors[0].rule", equalTo("unknown-indicator"));
        Map<String, Object> over = target(ind, ok);
        over.put("value", 140);
        as("secretariat").body(over).post("/api/targets").then().statusCode(422)
                .body("errors[0].rule", equalTo("percent-range"));
        as("viewer").queryParam("indicator", ind).queryParam("year", 2022).get("/api/targets/history").then()
                .statusCode(200).body("$", hasSize(0));
    }

    private static Map<String, Object> target(String ind, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("indicatorCode", ind);
        body.put("year", 2022);
        return body;
    }
}
