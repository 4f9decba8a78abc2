package vn.city.indicator.figure.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.city.indicator.support.Api;
import vn.city.common.testing.TestClock;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static vn.city.indicator.support.Api.as;
import static vn.city.indicator.support.Api.dec;
import static vn.city.indicator.support.Api.submit;

/** Submissions, versions, results and validation over the real API, database and Keycloak. */
@QuarkusTest
class FigureApiTest {

    @AfterEach
    void realTime() {
        TestClock.release();
    }

    @Test
    void budgetRevenueOctober2017AsInTheText() {
        // "Thu ngân sách ước đạt 4,15 tỷ, lũy kế 84,258 tỷ đồng đạt 75,23% nghị quyết"
        Api.target("BUDGET_REVENUE", 2017, null, 112, "RESOLUTION");
        for (int m = 1; m <= 8; m++) {
            submit("officer-fin", "BUDGET_REVENUE", "FIN", "2017-%02d".formatted(m), "OFFICIAL", 9, null).statusCode(201);
        }
        submit("officer-fin", "BUDGET_REVENUE", "FIN", "2017-09", "OFFICIAL", 8.108, null).statusCode(201);
        JsonPath receipt = submit("officer-fin", "BUDGET_REVENUE", "FIN", "2017-10", "ESTIMATE", 4.15, null)
                .statusCode(201).extract().jsonPath();

        assertThat(dec(receipt, "result.value")).isEqualByComparingTo("4.15");
        assertThat(dec(receipt, "result.yearToDate")).isEqualByComparingTo("84.258");
        assertThat(dec(receipt, "result.target")).isEqualByComparingTo("112");
        assertThat(dec(receipt, "result.attainmentPercent")).isEqualByComparingTo("75.23");
        assertThat(receipt.getString("result.status")).isEqualTo("BEHIND");
        assertThat(receipt.getString("result.currentVersion")).isEqualTo("ESTIMATE");

        JsonPath result = as("viewer").queryParam("indicator", "BUDGET_REVENUE").queryParam("unit", "FIN")
                .queryParam("period", "2017-10").get("/api/results").then().statusCode(200).extract().jsonPath();
        assertThat(dec(result, "attainmentPercent")).isEqualByComparingTo("75.23");
        assertThat(dec(result, "expectedPercent")).isEqualByComparingTo("83.33");
    }

    @Test
    void retailSalesJune2022AsInTheText() {
        // "lũy kế 06 tháng đầu năm đạt khoảng 1.739,5 tỷ đồng, đạt 50,58% KH và tăng 4,85% so cùng kỳ"
        Api.target("RETAIL_SALES", 2022, null, 3439.1, "PLAN");
        submit("officer-eco", "RETAIL_SALES", "ECO", "2021-06", "OFFICIAL", 270, 1659.1).statusCode(201);
        Map<String, Object> body = new HashMap<>(Map.of("indicatorCode", "RETAIL_SALES", "unitCode", "ECO",
                "period", "2022-06", "version", "ESTIMATE", "valueText", "285", "yearToDate", 1739.5,
                "measureUnit", "tỷ đồng", "note", "tổng mức bán lẻ trong tháng đạt khoảng 285 tỷ đồng"));
        JsonPath receipt = as("officer-eco").body(body).post("/api/figures").then().statusCode(201)
                .extract().jsonPath();

        assertThat(dec(receipt, "result.yearToDate")).isEqualByComparingTo("1739.5");
        assertThat(dec(receipt, "result.attainmentPercent")).isEqualByComparingTo("50.58");
        assertThat(dec(receipt, "result.expectedPercent")).isEqualByComparingTo("50");
        assertThat(dec(receipt, "result.samePeriodLastYear")).isEqualByComparingTo("1659.1");
        assertThat(dec(receipt, "result.change")).isEqualByComparingTo("4.85");
        assertThat(receipt.getString("result.changeKind")).isEqualTo("PERCENT");
        assertThat(receipt.getString("result.status")).isEqualTo("ON_TRACK");
    }

    @Test
    void numbersAsTheTextsWriteThem() {
        // "sản lượng ước đạt 4.785 tấn", "2.500 tỷ": a dot groups thousands
        String ind = Api.indicator("VN", "tấn", "FLOW", "HIGHER_IS_BETTER", "ECO", List.of("ECO"));
        Map<String, Object> body = new HashMap<>(Map.of("indicatorCode", ind, "unitCode", "ECO", "period", "2022-05",
                "version", "ESTIMATE", "valueText", "4.785"));
        JsonPath receipt = as("officer-eco").body(body).post("/api/figures").then().statusCode(201).extract().jsonPath();
        assertThat(dec(receipt, "figure.value")).isEqualByComparingTo("4785");
        body.put("period", "2022-06");
        body.put("valueText", "1.739,5");
        receipt = as("officer-eco").body(body).post("/api/figures").then().statusCode(201).extract().jsonPath();
        assertThat(dec(receipt, "figure.value")).isEqualByComparingTo("1739.5");
        body.put("valueText", "1739.5");
        as("officer-eco").body(body).post("/api/figures").then().statusCode(422)
                .body("errors[0].field", equalTo("valueText")).body("errors[0].rule", equalTo("decimal-point"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("'1739,5'"));
    }

    @Test
    void povertyRateDownZeroPointThreeTwoPointsLowerIsBetter() {
        // "tỷ lệ hộ nghèo 2,88% giảm 0,32% so với năm 2015"
        Api.target("POVERTY_RATE", 2016, null, 3.0, "RESOLUTION");
        submit("secretariat", "POVERTY_RATE", "LAB", "2015", "OFFICIAL", 3.20, null).statusCode(201);
        Map<String, Object> body = Map.of("indicatorCode", "POVERTY_RATE", "unitCode", "LAB", "period", "2016",
                "version", "OFFICIAL", "valueText", "2,88", "measureUnit", "%");
        JsonPath receipt = as("secretariat").body(body).post("/api/figures").then().statusCode(201)
                .extract().jsonPath();

        assertThat(dec(receipt, "result.value")).isEqualByComparingTo("2.88");
        assertThat(dec(receipt, "result.samePeriodLastYear")).isEqualByComparingTo("3.2");
        assertThat(dec(receipt, "result.change")).isEqualByComparingTo("-0.32");
        assertThat(receipt.getString("result.changeKind")).isEqualTo("POINTS");
        assertThat(receipt.getString("result.status")).isEqualTo("ACHIEVED");
        assertThat(dec(receipt, "result.attainmentPercent")).isEqualByComparingTo("104.17");
    }

    @Test
    void anEstimateRevisedByAnOfficialFigureKeepsBothAndAsOfAnswersWhatWasKnown() {
        String ind = Api.indicator("REV", "tỷ đồng", "FLOW", "HIGHER_IS_BETTER", "FIN", List.of("FIN"));
        JsonPath estimate = submit("officer-fin", ind, "FIN", "2023-03", "ESTIMATE", 10, null).statusCode(201)
                .extract().jsonPath();
        String estimateAt = estimate.getString("figure.submittedAt");
        submit("officer-fin", ind, "FIN", "2023-03", "OFFICIAL", 12.5, null).statusCode(201);
        submit("officer-fin", ind, "FIN", "2023-03", "ESTIMATE", 15, null).statusCode(201);

        as("viewer").queryParam("indicator", ind).queryParam("unit", "FIN").queryParam("period", "2023-03")
                .get("/api/figures").then().statusCode(200).body("$", hasSize(3))
                .body("[0].version", equalTo("ESTIMATE")).body("[0].submittedBy", equalTo("officer-fin"));
        JsonPath now = as("viewer").queryParam("indicator", ind).queryParam("unit", "FIN").queryParam("period", "2023-03")
                .get("/api/figures/current").then().statusCode(200).extract().jsonPath();
        assertThat(now.getString("version")).isEqualTo("OFFICIAL");
        assertThat(dec(now, "value")).isEqualByComparingTo("12.5");

        JsonPath then = as("viewer").queryParam("indicator", ind).queryParam("unit", "FIN").queryParam("period", "2023-03")
                .queryParam("asOf", estimateAt).get("/api/figures/current").then().statusCode(200).extract().jsonPath();
        assertThat(then.getString("version")).isEqualTo("ESTIMATE");
        assertThat(dec(then, "value")).isEqualByComparingTo("10");
        JsonPath resultThen = as("viewer").queryParam("indicator", ind).queryParam("unit", "FIN")
                .queryParam("period", "2023-03").queryParam("asOf", estimateAt).get("/api/results").then()
                .statusCode(200).extract().jsonPath();
        assertThat(dec(resultThen, "value")).isEqualByComparingTo("10");
        as("viewer").queryParam("indicator", ind).queryParam("unit", "FIN").queryParam("period", "2023-03")
                .queryParam("asOf", "2023-01-01T00:00:00Z").get("/api/figures/current").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anOfficerSubmitsOnlyForItsOwnUnit() {
        String ind = Api.indicator("OWN", "tỷ đồng", "FLOW", "HIGHER_IS_BETTER", "FIN", List.of("FIN", "ECO", "W-SONGCAU"));
        submit("officer-fin", ind, "ECO", "2023-03", "ESTIMATE", 1, null).statusCode(403)
                .contentType("application/problem+json");
        submit("officer-songcau", ind, "FIN", "2023-03", "ESTIMATE", 1, null).statusCode(403);
        submit("viewer", ind, "FIN", "2023-03", "ESTIMATE", 1, null).statusCode(403);
        as("viewer").queryParam("indicator", ind).queryParam("unit", "ECO").queryParam("period", "2023-03")
                .get("/api/figures").then().statusCode(200).body("$", hasSize(0));

        submit("officer-songcau", ind, "W-SONGCAU", "2023-03", "ESTIMATE", 1, null).statusCode(201);
        submit("secretariat", ind, "ECO", "2023-03", "ESTIMATE", 1, null).statusCode(201);
    }

    @Test
    void everyBadInputIsRefusedNamingFieldAndRuleAndNothingIsStored() {
        String ind = Api.indicator("BAD", "tỷ đồng", "FLOW", "HIGHER_IS_BETTER", "FIN", List.of("FIN"));
        String pct = Api.indicator("PCT", "%", "LEVEL", "LOWER_IS_BETTER", "FIN", List.of("FIN"));

        refused(body("NO_SUCH_INDICATOR", "FIN", "2023-03", 1), 422, "indicatorCode", "unknown-indicator");
        refused(body(ind, "NO-SUCH-UNIT", "2023-03", 1), 422, "unitCode", "unknown-unit");
        refused(body(ind, "FIN", "2023-13", 1), 422, "period", "format");
        refused(body(ind, "FIN", "2099-01", 1), 422, "period", "not-future");
        refused(with(body(ind, "FIN", "2023-03", 1), "measureUnit", "triệu đồng"), 422, "measureUnit", "unit-mismatch");
        refused(body(ind, "FIN", "2023-03", -5), 422, "value", "non-negative");
        refused(body(pct, "FIN", "2023-03", 120), 422, "value", "percent-range");
        refused(body(ind, "FIN", "2023-03", "abc"), 400, "value", "type");
        refused(body(ind, "FIN", "2023-03", new BigDecimal("1.1234567")), 422, "value", "excess-precision");
        refused(without(with(body(ind, "FIN", "2023-03", 1), "valueText", "1739.5"), "value"), 422, "valueText", "decimal-point");
        refused(without(with(body(ind, "FIN", "2023-03", 1), "valueText", "1.73"), "value"), 422, "valueText", "decimal-point");
        refused(without(with(body(ind, "FIN", "2023-03", 1), "valueText", "hai tỷ"), "value"), 422, "valueText", "number-format");
        refused(without(body(ind, "FIN", "2023-03", 1), "version"), 400, "version", "NotNull");
        refused(with(body(ind, "FIN", "2023-03", 1), "unexpected", true), 400, "unexpected", "unknown-field");

        // The input rules of common (StrictJson), answered with the field and the rule
        refused(with(body(ind, "FIN", "2023-03", 1), "note", "ước\u0000tính"), 422, "note", "control-character");
        as("secretariat").body("{\"indicatorCode\":\"" + ind + "\",\"unitCode\":\"ECO\",\"unitCode\":\"FIN\","
                        + "\"period\":\"2023-03\",\"version\":\"ESTIMATE\",\"value\":1}").post("/api/figures")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(1)).body("errors[0].field", equalTo("unitCode"))
                .body("errors[0].rule", equalTo("duplicate-key"));

        Map<String, Object> huge = with(body(ind, "FIN", "2023-03", 1), "note", "x".repeat(3 * 1024 * 1024));
        as("officer-fin").body(huge).post("/api/figures").then().statusCode(413);

        as("viewer").queryParam("indicator", ind).queryParam("unit", "FIN").queryParam("period", "2023-03")
                .get("/api/figures").then().statusCode(200).body("$", hasSize(0));
        as("viewer").queryParam("indicator", pct).queryParam("unit", "FIN").queryParam("period", "2023-03")
                .get("/api/figures").then().statusCode(200).body("$", hasSize(0));
        as("viewer").queryParam("indicator", ind).queryParam("unit", "FIN").queryParam("period", "2023-3")
                .get("/api/figures").then().statusCode(400).body("errors[0].field", equalTo("period"));
        as("viewer").queryParam("indicator", ind).queryParam("period", "2023-03").queryParam("asOf", "yesterday")
                .get("/api/results").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void aSubmissionIsOnTimeUntilTheDeadlineAndLateAfter() {
        String ind = Api.indicator("DL", "tỷ đồng", "FLOW", "HIGHER_IS_BETTER", "FIN", List.of("FIN"));
        TestClock.at(Instant.parse("2023-03-18T03:00:00Z"));
        submit("officer-fin", ind, "FIN", "2023-03", "ESTIMATE", 10, null).statusCode(201)
                .body("figure.onTime", equalTo(true)).body("deadline", startsWith("2023-03-20T16:59:59"));
        TestClock.at(Instant.parse("2023-03-21T03:00:00Z"));
        submit("officer-fin", ind, "FIN", "2023-03", "OFFICIAL", 11, null).statusCode(201)
                .body("figure.onTime", equalTo(false));

        as("viewer").queryParam("period", "2023-03").get("/api/reporting/windows").then().statusCode(200)
                .body("dataFrom", equalTo("2023-02-15")).body("dataTo", equalTo("2023-03-14"));
        as("viewer").get("/api/reporting/deadlines").then().statusCode(200).body("monthlyDeadlineDay", equalTo(20));
    }

    @Test
    void theSecretariatMovesADeadlineAndOnTimeFollowsIt() {
        String ind = Api.indicator("DLQ", "tỷ đồng", "FLOW", "HIGHER_IS_BETTER", "FIN", List.of("FIN"));
        try {
            as("officer-fin").body(Map.of("periodKind", "QUARTER", "deadlineDay", 25)).put("/api/reporting/deadlines")
                    .then().statusCode(403);
            as("secretariat").body(Map.of("periodKind", "QUARTER", "deadlineDay", 10)).put("/api/reporting/deadlines")
                    .then().statusCode(422).body("errors[0].rule", equalTo("after-cut-off"));
            as("secretariat").body(Map.of("periodKind", "QUARTER", "deadlineDay", 25)).put("/api/reporting/deadlines")
                    .then().statusCode(200).body("quarterlyDeadlineDay", equalTo(25)).body("monthlyDeadlineDay", equalTo(20));
            as("viewer").queryParam("period", "2023-Q1").get("/api/reporting/windows").then().statusCode(200)
                    .body("deadline", startsWith("2023-03-25T16:59:59")).body("dataFrom", equalTo("2022-12-15"));
            TestClock.at(Instant.parse("2023-03-23T03:00:00Z"));
            submit("officer-fin", ind, "FIN", "2023-Q1", "ESTIMATE", 30, null).statusCode(201)
                    .body("figure.onTime", equalTo(true));
        } finally {
            TestClock.release();
            as("secretariat").body(Map.of("periodKind", "QUARTER", "deadlineDay", 20)).put("/api/reporting/deadlines")
                    .then().statusCode(200);
        }
    }

    @Test
    void completenessListsTheUnitsThatHaveNotReported() {
        String ind = Api.indicator("CMP", "người", "FLOW", "HIGHER_IS_BETTER", "LAB", List.of("W-SONGCAU", "C-DUONGQUANG"));
        submit("officer-songcau", ind, "W-SONGCAU", "2023-04", "ESTIMATE", 12, null).statusCode(201);

        JsonPath c = as("viewer").queryParam("period", "2023-04").get("/api/reporting/completeness").then()
                .statusCode(200).extract().jsonPath();
        List<String> missingDuongQuang = c.getList("missing.find { it.unitCode == 'C-DUONGQUANG' }.indicatorCodes");
        assertThat(missingDuongQuang).contains(ind);
        List<String> missingSongCau = c.getList("missing.find { it.unitCode == 'W-SONGCAU' }.indicatorCodes");
        assertThat(missingSongCau == null ? List.<String>of() : missingSongCau).doesNotContain(ind);
    }

    @Test
    void aValueFarOutsideTheUnitsHistoryIsAcceptedButFlagged() {
        String ind = Api.indicator("OUT", "tấn", "FLOW", "HIGHER_IS_BETTER", "ECO", List.of("ECO"));
        for (int m = 1; m <= 4; m++) {
            submit("officer-eco", ind, "ECO", "2023-%02d".formatted(m), "OFFICIAL", 100 + m, null).statusCode(201)
                    .body("figure.outlier", equalTo(false));
        }
        submit("officer-eco", ind, "ECO", "2023-05", "OFFICIAL", 21230, null).statusCode(201)
                .body("figure.outlier", equalTo(true));
    }

    private static void refused(Map<String, Object> body, int status, String field, String rule) {
        as("secretariat").body(body).post("/api/figures").then().statusCode(status)
                .contentType("application/problem+json")
                .body("errors.find { it.field == '" + field + "' }.rule", equalTo(rule));
    }

    private static Map<String, Object> body(String ind, String unit, String period, Object value) {
        Map<String, Object> b = new HashMap<>();
        b.put("indicatorCode", ind);
        b.put("unitCode", unit);
        b.put("period", period);
        b.put("version", "ESTIMATE");
        b.put("value", value);
        return b;
    }

    private static Map<String, Object> with(Map<String, Object> b, String k, Object v) {
        b.put(k, v);
        return b;
    }

    private static Map<String, Object> without(Map<String, Object> b, String k) {
        b.remove(k);
        return b;
    }
}
