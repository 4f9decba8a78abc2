package vn.city.meeting.support;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import vn.city.common.testing.Tokens;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** The meeting-service's test fixtures over the shared {@link vn.city.common.testing.Api}. */
public final class Api {

    private Api() {
    }

    /** {@link vn.city.common.testing.Api#as}: a request as a fixture user, its response checked against the document. */
    public static RequestSpecification as(String user) {
        return vn.city.common.testing.Api.as(user).accept("*/*");
    }

    public static Map<String, Object> meeting(String type, String title, String period, OffsetDateTime startsAt,
                                              List<String> units) {
        return Map.of("type", type, "title", title, "period", period, "startsAt", startsAt.toString(),
                "place", "Phòng họp UBND thành phố", "chair", "Dương Hữu Bường – Chủ tịch UBND thành phố",
                "attendeeUnits", units, "attendeePeople", List.of("Dương Hữu Bường"));
    }

    public static String schedule(Map<String, Object> body) {
        Response r = as("secretariat").body(body).post("/api/meetings");
        r.then().statusCode(201);
        return r.path("id");
    }

    public static Map<String, Object> directive(String content, String lead, List<String> coordinating,
                                                String deadline) {
        Map<String, Object> d = new java.util.HashMap<>();
        d.put("content", content);
        d.put("leadUnit", lead);
        d.put("coordinatingUnits", coordinating);
        d.put("deadline", deadline);
        d.put("ongoing", deadline == null);
        d.put("priority", "NORMAL");
        d.put("indicatorCodes", List.of());
        return d;
    }
}
