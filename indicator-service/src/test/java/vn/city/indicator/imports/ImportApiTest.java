package vn.city.indicator.imports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.city.common.testing.Tokens;
import vn.city.indicator.support.Api;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static vn.city.indicator.support.Api.as;

@QuarkusTest
class ImportApiTest {

    @Test
    void aCsvFileIsImportedWholeWithVietnameseNumbersAndExportedAsResults() {
        String ind = Api.indicator("CSV", "triệu đồng", "FLOW", "HIGHER_IS_BETTER", "ECO", List.of("ECO"));
        Api.target(ind, 2022, null, 290000, "PLAN");
        String csv = """
                indicatorCode,unitCode,period,version,value,yearToDate,measureUnit,note
                %1$s,ECO,2021-06,OFFICIAL,"23.900,00","144.000,00",triệu đồng,
                %1$s,ECO,2022-06,ESTIMATE,"24.252,92","145.244,67",triệu đồng,"tháng 6 đạt 24.252,92 triệu đồng"
                """.formatted(ind);
        csv(csv, "officer-eco").then().statusCode(201).body("imported", equalTo(2))
                .body("figures[1].channel", equalTo("CSV"));

        JsonPath r = as("viewer").queryParam("indicator", ind).queryParam("unit", "ECO").queryParam("period", "2022-06")
                .get("/api/results").then().statusCode(200).extract().jsonPath();
        assertThat(Api.dec(r, "value")).isEqualByComparingTo("24252.92");
        assertThat(Api.dec(r, "change")).isEqualByComparingTo("0.86");

        String export = RestAssured.given().filter(vn.city.common.testing.Api.validatingFilter()).auth().oauth2(Tokens.of("viewer")).queryParam("period", "2022-06")
                .get("/api/results/export.csv").then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asString();
        assertThat(export).startsWith("indicatorCode,indicatorName,measureUnit,unitCode,period,value");
        assertThat(export).contains(ind + ",Chỉ tiêu thử " + ind + ",triệu đồng,ECO,2022-06,24252.92,145244.67,290000,50.08");
    }

    @Test
    void aFileWithOneBadRowStoresNothingAndNamesEveryBadRow() {
        String ind = Api.indicator("CSVBAD", "tỷ đồng", "FLOW", "HIGHER_IS_BETTER", "ECO", List.of("ECO"));
        String csv = """
                indicatorCode,unitCode,period,version,value
                %1$s,ECO,2022-01,OFFICIAL,10
                %1$s,ECO,2022-02,OFFICIAL,mười
                %1$s,ECO,2022-13,OFFICIAL,12
                %1$s,ECO,2022-04,GUESS,12
                """.formatted(ind);
        JsonPath problem = csv(csv, "officer-eco").then().statusCode(422).contentType("application/problem+json")
                .extract().jsonPath();
        assertThat(problem.getList("errors.field", String.class)).contains("rows[5].version");

        String fixedVersion = csv.replace("GUESS", "OFFICIAL");
        problem = csv(fixedVersion, "officer-eco").then().statusCode(422).extract().jsonPath();
        assertThat(problem.getList("errors.field", String.class)).containsExactly("rows[3].valueText", "rows[4].period");

        as("viewer").queryParam("indicator", ind).queryParam("unit", "ECO").queryParam("period", "2022-01")
                .get("/api/figures").then().statusCode(200).body("$", hasSize(0));
        csv("indicatorCode,unitCode,period,version,value\n%s,FIN,2022-01,OFFICIAL,1\n".formatted(ind), "officer-eco")
                .then().statusCode(403);
        csv("indicatorCode,unitCode\nA,B\n", "officer-eco").then().statusCode(400)
                .body("errors[0].rule", equalTo("csv-header"));
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithItsLineAndNothingIsStored() {
        String ind = Api.indicator("CSVLATIN", "tỷ đồng", "FLOW", "HIGHER_IS_BETTER", "ECO", List.of("ECO"));
        byte[] head = ("indicatorCode,unitCode,period,version,value,note\n" + ind + ",ECO,2022-01,OFFICIAL,10,\n" + ind
                + ",ECO,2022-02,OFFICIAL,11,").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // "Ước" saved in a legacy 8-bit code page: 0xD5 0xF8 is not a UTF-8 sequence
        byte[] body = java.util.Arrays.copyOf(head, head.length + 3);
        body[head.length] = (byte) 0xD5;
        body[head.length + 1] = (byte) 0xF8;
        body[head.length + 2] = '\n';
        RestAssured.given().auth().oauth2(Tokens.of("officer-eco")).contentType("text/csv").accept("application/json")
                .body(body).post("/api/imports/figures").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body")).body("errors[0].rule", equalTo("utf-8"))
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("line 3 "));
        as("viewer").queryParam("indicator", ind).queryParam("unit", "ECO").queryParam("period", "2022-01")
                .get("/api/figures").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aDhis2DataValueSetIsAccepted() {
        String ind = Api.indicator("DHIS", "tỷ đồng", "FLOW", "HIGHER_IS_BETTER", "ECO", List.of("ECO"));
        as("officer-eco").queryParam("version", "PRELIMINARY").body(Map.of("dataSet", "monthly", "orgUnit", "ECO",
                        "dataValues", List.of(Map.of("dataElement", ind, "period", "202205", "value", "280"),
                                Map.of("dataElement", ind, "period", "2022Q2", "value", "840.5", "comment", "quý 2"))))
                .post("/api/imports/dhis2").then().statusCode(201).body("imported", equalTo(2))
                .body("figures[1].period", equalTo("2022-Q2")).body("figures[0].version", equalTo("PRELIMINARY"));
    }

    private static io.restassured.response.Response csv(String body, String user) {
        return RestAssured.given().filter(vn.city.common.testing.Api.validatingFilter()).auth().oauth2(Tokens.of(user)).contentType("text/csv; charset=UTF-8")
                .accept("application/json").body(body).post("/api/imports/figures");
    }
}
