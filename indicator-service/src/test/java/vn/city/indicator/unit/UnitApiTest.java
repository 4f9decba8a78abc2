package vn.city.indicator.unit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.city.indicator.support.Api;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static vn.city.indicator.support.Api.as;
import static vn.city.indicator.support.Api.submit;

@QuarkusTest
class UnitApiTest {

    @Test
    void theBacKanSetIsSeeded() {
        as("viewer").get("/api/units").then().statusCode(200)
                .body("code", hasItems("CITY", "FIN", "ECO", "ENV", "URB", "CUL", "LAB", "W-SONGCAU", "W-DUCXUAN",
                        "W-XUATHOA", "W-PHUNGCHIKIEN", "W-NGUYENTHIMINHKHAI", "C-DUONGQUANG", "C-NONGTHUONG"));
        as("viewer").get("/api/units/LAB").then().statusCode(200)
                .body("name", equalTo("Phòng Lao động – Thương binh và Xã hội")).body("kind", equalTo("DEPARTMENT"));
        as("viewer").get("/api/indicators/measure-units").then().statusCode(200).body("code", hasItems("tỷ đồng", "tạ/ha", "%"));
        as("viewer").get("/api/indicators").then().statusCode(200)
                .body("code", hasItems("BUDGET_REVENUE", "RETAIL_SALES", "POVERTY_RATE", "OCOP_PRODUCTS"));
    }

    @Test
    void onlyTheSecretariatManagesUnits() {
        as("officer-fin").body(Map.of("code", Api.code("W-X"), "name", "x", "kind", "WARD", "validFrom", "2020-01-01"))
                .post("/api/units").then().statusCode(403);
    }

    @Test
    void aMergedWardsHistoryCountsForItsSuccessorsSamePeriodLastYear() {
        String a = unit("W-A");
        String b = unit("W-B");
        String merged = unit("W-M");
        String ind = Api.indicator("MRG", "người", "FLOW", "HIGHER_IS_BETTER", "LAB", List.of());
        submit("secretariat", ind, a, "2024-06", "OFFICIAL", 60, null).statusCode(201);
        submit("secretariat", ind, b, "2024-06", "OFFICIAL", 40, null).statusCode(201);

        for (String predecessor : List.of(a, b)) {
            as("secretariat").body(Map.of("successorCode", merged, "kind", "MERGE", "effectiveDate", "2025-07-01",
                    "note", "sắp xếp đơn vị hành chính cấp xã")).post("/api/units/" + predecessor + "/succession")
                    .then().statusCode(201).body("successorCodes", hasItems(merged)).body("validTo", equalTo("2025-06-30"));
        }
        as("viewer").get("/api/units/" + merged).then().body("predecessorCodes", hasItems(a, b));

        JsonPath receipt = submit("secretariat", ind, merged, "2025-09", "OFFICIAL", 50, 110).statusCode(201)
                .extract().jsonPath();
        assertThat(receipt.getString("result.unitCode")).isEqualTo(merged);
        // last year's Jan–Sep of the two predecessors: 100; this year 110 → +10 %
        JsonPath r = as("viewer").queryParam("indicator", ind).queryParam("unit", merged).queryParam("period", "2025-09")
                .get("/api/results").then().statusCode(200).extract().jsonPath();
        assertThat(Api.dec(r, "samePeriodLastYear")).isEqualByComparingTo("100");
        assertThat(Api.dec(r, "change")).isEqualByComparingTo("10.00");

        submit("secretariat", ind, a, "2025-09", "OFFICIAL", 1, null).statusCode(422)
                .body("errors[0].rule", equalTo("unit-not-valid"));
        as("viewer").queryParam("indicator", ind).queryParam("unit", a).queryParam("period", "2024-06")
                .get("/api/figures/current").then().statusCode(200).body("unitCode", equalTo(a));
    }

    private static String unit(String prefix) {
        String code = Api.code(prefix);
        as("secretariat").body(Map.of("code", code, "name", "Phường " + code, "kind", "WARD", "parentCode", "CITY",
                "validFrom", "2000-01-01")).post("/api/units").then().statusCode(201);
        return code;
    }
}
