package vn.city.meeting.meeting;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import vn.city.meeting.support.ReadModel;
import org.junit.jupiter.api.Test;
import vn.city.meeting.support.Api;
import vn.city.meeting.support.Events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.city.meeting.support.Api.as;
import static vn.city.meeting.support.Api.directive;

/**
 * Each fixture user against a meeting attended by FIN and W-SONGCAU: the secretariat schedules and records, the
 * chair concludes, attendees give opinions, viewers read, an officer sees only meetings its unit attends.
 */
@QuarkusTest
class AuthorizationTest {

    static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void eachFixtureUserGetsWhatItsRoleAllows() {
        // The fixture users' units, as indicator-service announces them (each run starts from an empty read model).
        try (Events events = new Events()) {
            events.unit("FIN", "Phòng Tài chính – Kế hoạch", "DEPARTMENT");
            events.unit("ECO", "Phòng Kinh tế", "DEPARTMENT");
            events.unit("W-SONGCAU", "Phường Sông Cầu", "WARD");
        }
        ReadModel.awaitUnits(dataSource, List.of("FIN", "ECO", "W-SONGCAU"));
        String period = ThreadLocalRandom.current().nextInt(2100, 2999) + "-Q" + ThreadLocalRandom.current().nextInt(1, 5);
        Map<String, Object> body = Api.meeting("QUARTERLY_REVIEW", "Sơ kết quý", period,
                OffsetDateTime.parse("2030-01-01T08:00:00Z"), List.of("FIN", "W-SONGCAU"));

        for (String refused : List.of("leader", "officer-fin", "viewer")) {
            as(refused).body(body).post("/api/meetings").then().statusCode(403).contentType(containsString(PROBLEM));
        }
        vn.city.common.testing.Api.anonymous().body(body).post("/api/meetings").then().statusCode(401);
        String id = Api.schedule(body);
        String path = "/api/meetings/" + id;

        for (String reader : List.of("leader", "secretariat", "viewer", "officer-fin", "officer-songcau")) {
            as(reader).get(path).then().statusCode(200).body("id", equalTo(id));
        }
        as("officer-eco").get(path).then().statusCode(403).contentType(containsString(PROBLEM));
        as("officer-fin").get("/api/meetings?period=" + period).then().statusCode(200).body("id", hasItem(id));
        as("officer-eco").get("/api/meetings?period=" + period).then().statusCode(200).body("id", not(hasItem(id)));
        as("viewer").get("/api/meetings?period=" + period).then().statusCode(200).body("id", hasItem(id));
        as("viewer").get("/api/meetings?period=0001-01").then().statusCode(400).contentType(containsString(PROBLEM))
                .body("errors[0].field", equalTo("period")).body("errors[0].rule", equalTo("period-format"));

        Map<String, Object> item = Map.of("kind", "FOR_OPINION", "title", "Phương án bồi thường", "presentingUnit", "FIN");
        for (String refused : List.of("leader", "officer-fin")) {
            as(refused).body(item).post(path + "/items").then().statusCode(403).contentType(containsString(PROBLEM));
        }
        as("viewer").body(item).post(path + "/items").then().statusCode(403);
        String itemId = as("secretariat").body(item).post(path + "/items").then().statusCode(201).extract().path("id");
        for (String refused : List.of("leader", "officer-fin", "viewer")) {
            as(refused).post(path + "/start").then().statusCode(403);
        }
        as("secretariat").post(path + "/start").then().statusCode(200);

        Map<String, Object> opinion = Map.of("stance", "COMMENT", "text", "Đề nghị bổ sung dự toán");
        for (String attendee : List.of("leader", "officer-fin", "officer-songcau")) {
            as(attendee).body(opinion).post(path + "/items/" + itemId + "/opinions").then().statusCode(201)
                    .body("member", equalTo(attendee));
        }
        for (String refused : List.of("officer-eco", "secretariat", "viewer")) {
            as(refused).body(opinion).post(path + "/items/" + itemId + "/opinions").then().statusCode(403)
                    .contentType(containsString(PROBLEM));
        }
        Map<String, Object> decision = Map.of("outcome", "APPROVED_WITH_CHANGES", "note", "Bổ sung dự toán");
        for (String refused : List.of("leader", "officer-fin", "viewer")) {
            as(refused).body(decision).post(path + "/items/" + itemId + "/decision").then().statusCode(403);
        }
        as("secretariat").body(decision).post(path + "/items/" + itemId + "/decision").then().statusCode(200);

        Map<String, Object> draft = Map.of("text", "Kết luận sơ kết quý",
                "directives", List.of(directive("Hoàn thiện phương án bồi thường", "FIN", List.of(), null)));
        for (String refused : List.of("officer-fin", "officer-songcau", "viewer")) {
            as(refused).body(draft).put(path + "/conclusion").then().statusCode(403);
        }
        as("secretariat").body(draft).put(path + "/conclusion").then().statusCode(200);
        for (String refused : List.of("secretariat", "officer-fin", "viewer")) {
            as(refused).post(path + "/conclusion/publish").then().statusCode(403).contentType(containsString(PROBLEM));
        }
        as("leader").post(path + "/conclusion/publish").then().statusCode(200);

        for (String reader : List.of("leader", "secretariat", "viewer", "officer-fin", "officer-songcau")) {
            as(reader).get("/api/packs/" + id).then().statusCode(200).body("frozen", equalTo(true));
            as(reader).accept("application/json").get("/api/narratives/" + id).then().statusCode(200);
            as(reader).get(path + "/conclusion").then().statusCode(200);
        }
        as("officer-eco").get("/api/packs/" + id).then().statusCode(403);
        as("officer-eco").get("/api/narratives/" + id).then().statusCode(403);
        as("officer-eco").get(path + "/conclusion").then().statusCode(403);
        as("officer-eco").get("/api/packs/period/" + period).then().statusCode(200);
    }
}
