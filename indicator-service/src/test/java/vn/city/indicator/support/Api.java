package vn.city.indicator.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import vn.city.common.testing.Tokens;

import java.util.Map;
import java.util.UUID;

/** The indicator-service's test fixtures over the shared {@link vn.city.common.testing.Api}; numbers read as BigDecimal. */
public final class Api {

    private Api() {
    }

    static {
        RestAssured.config = RestAssured.config().jsonConfig(io.restassured.config.JsonConfig.jsonConfig()
                .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    public static java.math.BigDecimal dec(io.restassured.path.json.JsonPath json, String path) {
        String s = json.getString(path);
        return s == null ? null : new java.math.BigDecimal(s);
    }

    /** {@link vn.city.common.testing.Api#as}: a request as a fixture user, its response checked against the document. */
    public static RequestSpecification as(String user) {
        return vn.city.common.testing.Api.as(user);
    }

    public static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** Creates a fresh indicator (secretariat) and returns its code. */
    public static String indicator(String prefix, String measureUnit, String nature, String direction, String owner,
                                   java.util.List<String> reportingUnits) {
        String code = code(prefix).replace('-', '_');
        as("secretariat").body(Map.of("code", code, "name", "Chỉ tiêu thử " + code, "measureUnit", measureUnit,
                        "nature", nature, "direction", direction, "ownerUnit", owner, "category", "Thử nghiệm",
                        "reportingUnits", reportingUnits))
                .post("/api/indicators").then().statusCode(201);
        return code;
    }

    public static void target(String indicator, int year, String unit, Object value, String kind) {
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("indicatorCode", indicator);
        body.put("year", year);
        body.put("unitCode", unit);
        body.put("value", value);
        body.put("kind", kind);
        body.put("documentNumber", "2888/QĐ-UBND");
        body.put("documentDate", "2013-12-20");
        as("secretariat").body(body).post("/api/targets").then().statusCode(201);
    }

    public static ValidatableResponse submit(String user, String indicator, String unit, String period, String version,
                                             Object value, Object ytd) {
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("indicatorCode", indicator);
        body.put("unitCode", unit);
        body.put("period", period);
        body.put("version", version);
        body.put("value", value);
        if (ytd != null) {
            body.put("yearToDate", ytd);
        }
        return as(user).body(body).post("/api/figures").then();
    }
}
