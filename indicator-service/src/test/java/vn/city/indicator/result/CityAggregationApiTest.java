package vn.city.indicator.result;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.city.common.testing.TopicReader;
import vn.city.indicator.support.Api;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.city.indicator.support.Api.as;
import static vn.city.indicator.support.Api.dec;
import static vn.city.indicator.support.Api.submit;

/**
 * How each indicator's city figure is formed through the unit tree, on the real API, database and broker: each
 * aggregation kind without double counting, a partial total with its missing units, a quarter from its months, a
 * merged ward counted once, and the city-result-changed events against the AsyncAPI document.
 */
@QuarkusTest
class CityAggregationApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void sumOfUnitsNeverAddsTheOwnersFigureAndSaysWhoIsMissing() {
        String w1 = ward();
        String w2 = ward();
        String w3 = ward();
        String ind = indicator("SUM", "tấn", "FLOW", "SUM_OF_UNITS", List.of("FIN", w1, w2, w3), null, null);
        submit("officer-fin", ind, "FIN", "2023-05", "OFFICIAL", 100, null).statusCode(201);
        submit("secretariat", ind, w1, "2023-05", "OFFICIAL", 10, null).statusCode(201);
        JsonPath receipt = submit("secretariat", ind, w2, "2023-05", "OFFICIAL", 20, null).statusCode(201)
                .extract().jsonPath();
        assertThat(dec(receipt, "cityResult.value")).isEqualByComparingTo("30");
        assertThat(receipt.getBoolean("cityResult.partial")).isTrue();
        assertThat(receipt.getList("cityResult.contributingUnits", String.class)).containsExactlyInAnyOrder(w1, w2);
        assertThat(receipt.getList("cityResult.missingUnits", String.class)).containsExactly(w3);

        submit("secretariat", ind, w3, "2023-05", "OFFICIAL", 5, null).statusCode(201);
        JsonPath city = city(ind, "2023-05");
        assertThat(dec(city, "value")).isEqualByComparingTo("35");
        assertThat(city.getBoolean("partial")).isFalse();
        assertThat(city.getList("missingUnits")).isEmpty();
        assertThat(city.getString("aggregation")).isEqualTo("SUM_OF_UNITS");
    }

    @Test
    void ownerReportedTakesTheOwnersFigureAndTheWardsAreItsBreakdown() {
        String w1 = ward();
        String ind = indicator("OWN", "tỷ đồng", "FLOW", "OWNER_REPORTED", List.of("FIN", w1), null, null);
        submit("secretariat", ind, w1, "2023-05", "OFFICIAL", 7, null).statusCode(201);
        JsonPath before = city(ind, "2023-05");
        assertThat(before.getBoolean("partial")).isTrue();
        assertThat(before.getList("missingUnits", String.class)).containsExactly("FIN");
        submit("officer-fin", ind, "FIN", "2023-05", "OFFICIAL", 50, null).statusCode(201);
        JsonPath city = city(ind, "2023-05");
        assertThat(dec(city, "value")).isEqualByComparingTo("50");
        assertThat(city.getList("contributingUnits", String.class)).containsExactly("FIN");
        assertThat(city.getBoolean("partial")).isFalse();
    }

    @Test
    void aWeightedRateIsTheCitysNumeratorOverItsDenominator() {
        String w1 = ward();
        String w2 = ward();
        String poor = indicator("POOR", "hộ", "LEVEL", "SUM_OF_UNITS", List.of(w1, w2), null, null);
        String all = indicator("HH", "hộ", "LEVEL", "SUM_OF_UNITS", List.of(w1, w2), null, null);
        String rate = indicator("RATE", "%", "LEVEL", "WEIGHTED", List.of("LAB"), poor, all);
        submit("secretariat", poor, w1, "2023-12", "OFFICIAL", 10, null).statusCode(201);
        submit("secretariat", all, w1, "2023-12", "OFFICIAL", 200, null).statusCode(201);
        assertThat(city(rate, "2023-12").getBoolean("partial")).isTrue();
        submit("secretariat", poor, w2, "2023-12", "OFFICIAL", 30, null).statusCode(201);
        submit("secretariat", all, w2, "2023-12", "OFFICIAL", 800, null).statusCode(201);
        JsonPath city = city(rate, "2023-12");
        // (10 + 30) / (200 + 800) = 4 %, not the mean of 5 % and 3.75 %
        assertThat(dec(city, "value")).isEqualByComparingTo("4");
        assertThat(city.getBoolean("partial")).isFalse();
        assertThat(city.getList("contributingUnits", String.class)).containsExactlyInAnyOrder(w1, w2);
        assertThat(city.getString("changeKind")).isEqualTo("POINTS");
    }

    @Test
    void notAggregatedHasNoCityFigure() {
        String c1 = ward();
        String ind = indicator("NA", "tiêu chí", "LEVEL", "NOT_AGGREGATED", List.of(c1), null, null);
        JsonPath receipt = submit("secretariat", ind, c1, "2023-05", "OFFICIAL", 17, null).statusCode(201)
                .extract().jsonPath();
        assertThat(receipt.getString("cityResult")).isNull();
        as("viewer").queryParam("indicator", ind).queryParam("period", "2023-05").get("/api/results/city")
                .then().statusCode(204);
    }

    @Test
    void aQuarterIsFormedFromItsMonthsAndAnnounced() {
        String w1 = ward();
        String w2 = ward();
        String ind = indicator("QTR", "ha", "FLOW", "SUM_OF_UNITS", List.of(w1, w2), null, null);
        Api.target(ind, 2023, null, 120, "PLAN");
        try (TopicReader reader = new TopicReader("test.indicator-events")) {
            for (String month : List.of("2023-04", "2023-05", "2023-06")) {
                submit("secretariat", ind, w1, month, "OFFICIAL", 10, null).statusCode(201);
                submit("secretariat", ind, w2, month, "ESTIMATE", 5, null).statusCode(201);
            }
            JsonPath q2 = city(ind, "2023-Q2");
            assertThat(dec(q2, "value")).isEqualByComparingTo("45");
            assertThat(q2.getBoolean("formedFromMonths")).isTrue();
            assertThat(q2.getString("currentVersion")).isEqualTo("ESTIMATE");
            JsonPath h1 = city(ind, "2023-H1");
            assertThat(dec(h1, "value")).isEqualByComparingTo("45");

            JsonNode event = reader.awaitCount(e -> "city.indicator.city-result-changed.v1".equals(e.path("type").asText())
                    && (ind + "/2023-Q2").equals(e.path("subject").asText())
                    && e.path("data").path("value").decimalValue().compareTo(new java.math.BigDecimal("45")) == 0, 1, WAIT)
                    .get(0);
            JsonNode data = event.path("data");
            assertThat(data.path("formedFromMonths").asBoolean()).isTrue();
            assertThat(data.path("partial").asBoolean()).isFalse();
            assertThat(data.path("cause").asText()).isEqualTo("FIGURE");
            assertThat(data.path("period").asText()).isEqualTo("2023-Q2");
            assertThat(data.path("revision").asInt()).isGreaterThan(1);
            assertThat(vn.city.common.testing.AsyncApiContract.of("indicator-service").violations(event)).isEmpty();

            // a target revised re-judges the announced results of its year
            Api.target(ind, 2023, null, 90, "PLAN");
            JsonNode rejudged = reader.await(e -> "city.indicator.city-result-changed.v1".equals(e.path("type").asText())
                    && (ind + "/2023-Q2").equals(e.path("subject").asText())
                    && "TARGET".equals(e.path("data").path("cause").asText()), WAIT);
            assertThat(rejudged.path("data").path("target").decimalValue()).isEqualByComparingTo("90");
            assertThat(rejudged.path("data").path("revision").asInt()).isGreaterThan(data.path("revision").asInt());
        }
    }

    @Test
    void aMergedWardIsCountedOnce() {
        String before = ward();
        String after = ward();
        String ind = indicator("MRG", "người", "FLOW", "SUM_OF_UNITS", List.of(before, after), null, null);
        submit("secretariat", ind, before, "2023-06", "OFFICIAL", 10, null).statusCode(201);
        submit("secretariat", ind, after, "2023-06", "OFFICIAL", 20, null).statusCode(201);
        as("secretariat").body(Map.of("successorCode", after, "kind", "MERGE", "effectiveDate", "2023-07-01"))
                .post("/api/units/" + before + "/succession").then().statusCode(201);
        submit("secretariat", ind, after, "2023-07", "OFFICIAL", 35, null).statusCode(201);

        JsonPath june = city(ind, "2023-06");
        assertThat(dec(june, "value")).isEqualByComparingTo("30");
        JsonPath july = city(ind, "2023-07");
        assertThat(dec(july, "value")).isEqualByComparingTo("35");
        assertThat(july.getList("contributingUnits", String.class)).containsExactly(after);
        assertThat(july.getList("missingUnits")).as("the merged ward no longer exists in July").isEmpty();
        assertThat(dec(july, "yearToDate")).isEqualByComparingTo("65");
    }

    private static JsonPath city(String indicator, String period) {
        return as("viewer").queryParam("indicator", indicator).queryParam("period", period).get("/api/results/city")
                .then().statusCode(200).extract().jsonPath();
    }

    private static String ward() {
        String code = Api.code("W-AG");
        as("secretariat").body(Map.of("code", code, "name", "Phường " + code, "kind", "WARD", "parentCode", "CITY",
                "validFrom", "2020-01-01")).post("/api/units").then().statusCode(201);
        return code;
    }

    private static String indicator(String prefix, String measureUnit, String nature, String aggregation,
                                    List<String> reporting, String numerator, String denominator) {
        String code = Api.code(prefix).replace('-', '_');
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", "Chỉ tiêu " + code,
                "measureUnit", measureUnit, "nature", nature, "direction", "HIGHER_IS_BETTER", "ownerUnit", "FIN",
                "category", "Thử nghiệm", "reportingUnits", reporting, "aggregation", aggregation));
        if (numerator != null) {
            body.put("numeratorCode", numerator);
            body.put("denominatorCode", denominator);
        }
        as("secretariat").body(body).post("/api/indicators").then().statusCode(201);
        return code;
    }
}
