package vn.city.meeting.meeting;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.city.meeting.support.Api;
import vn.city.common.testing.TopicReader;
import vn.city.meeting.support.Events;
import vn.city.meeting.support.ReadModel;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static vn.city.meeting.support.Api.as;
import static vn.city.meeting.support.Api.directive;

/** Every refused request answers problem+json naming the field and rule, and changes nothing. */
@QuarkusTest
class BadInputTest {

    static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource dataSource;

    private String period() {
        return ThreadLocalRandom.current().nextInt(2100, 2999) + "-" + String.format("%02d", ThreadLocalRandom.current().nextInt(1, 13));
    }

    @Test
    void directivesForUnknownUnitsOrWithoutContentAre422AndNothingIsStored() {
        String unit = Events.random("D-KNOWN");
        try (Events events = new Events()) {
            events.unit(unit, "Phòng đã biết", "DEPARTMENT");
        }
        ReadModel.awaitUnits(dataSource, List.of(unit));
        String id = Api.schedule(Api.meeting("THEMATIC", "Họp chuyên đề", period(), OffsetDateTime.parse("2030-05-01T08:00:00Z"), List.of(unit)));
        String path = "/api/meetings/" + id + "/conclusion";

        as("leader").body(Map.of("text", "Kết luận", "directives", List.of(directive("Nội dung", "NO-SUCH-UNIT", List.of(), null))))
                .put(path).then().statusCode(422).contentType(containsString(PROBLEM))
                .body("errors.field", hasItem("directives[0].leadUnit")).body("errors.rule", hasItem("known-unit"));
        as("leader").body(Map.of("text", "Kết luận", "directives", List.of(directive("Nội dung", unit, List.of("ATLANTIS"), null))))
                .put(path).then().statusCode(422).body("errors.field", hasItem("directives[0].coordinatingUnits[0]"));
        Map<String, Object> noContent = directive("", unit, List.of(), null);
        noContent.remove("content");
        as("leader").body(Map.of("text", "Kết luận", "directives", List.of(directive("Nội dung", unit, List.of(), null), noContent)))
                .put(path).then().statusCode(422).contentType(containsString(PROBLEM))
                .body("errors.field", hasItem("directives[1].content")).body("errors.rule", hasItem("required"));
        as("leader").body(Map.of("text", "Kết luận", "directives", List.of(directive("Nội dung", unit, List.of(), "2030-13-40"))))
                .put(path).then().statusCode(400).contentType(containsString(PROBLEM));

        as("viewer").get(path).then().statusCode(404).contentType(containsString(PROBLEM));
        as("leader").post(path + "/publish").then().statusCode(409).contentType(containsString(PROBLEM));
        as("viewer").get("/api/meetings/" + id).then().statusCode(200).body("status", equalTo("SCHEDULED"));
    }

    @Test
    void aControlCharacterIs422AndADuplicateKeyIs400NamingTheFieldAndNothingIsStored() throws Exception {
        String unit = Events.random("D-INPUT");
        try (Events events = new Events()) {
            events.unit(unit, "Phòng quy tắc đầu vào", "DEPARTMENT");
        }
        ReadModel.awaitUnits(dataSource, List.of(unit));
        String title = "Họp kiểm tra ký tự điều khiển " + Events.random("T");
        Map<String, Object> nul = new HashMap<>(Api.meeting("THEMATIC", title, period(),
                OffsetDateTime.parse("2030-05-01T08:00:00Z"), List.of(unit)));
        nul.put("place", "Phòng họp\u0000số 2");
        as("secretariat").body(nul).post("/api/meetings").then().statusCode(422).contentType(containsString(PROBLEM))
                .body("errors", hasSize(1)).body("errors[0].field", equalTo("place"))
                .body("errors[0].rule", equalTo("control-character"));

        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                Api.meeting("THEMATIC", title, period(), OffsetDateTime.parse("2030-05-01T08:00:00Z"), List.of(unit)));
        String twice = body.replaceFirst("^\\{", "{\"chair\":\"Người khác\",");
        as("secretariat").body(twice).post("/api/meetings").then().statusCode(400).contentType(containsString(PROBLEM))
                .body("errors", hasSize(1)).body("errors[0].field", equalTo("chair"))
                .body("errors[0].rule", equalTo("duplicate-key"));
        assertThat(ReadModel.count(dataSource, "select count(*) from meeting where title = ?", title)).isZero();
    }

    @Test
    void publishingTwiceAndChangingAConcludedMeetingAre409AndNothingChanges() {
        String unit = Events.random("D-KNOWN");
        try (Events events = new Events()) {
            events.unit(unit, "Phòng đã biết", "DEPARTMENT");
        }
        ReadModel.awaitUnits(dataSource, List.of(unit));
        // THEMATIC: no carried-over tasks, so the agenda holds exactly what this test added.
        String id = Api.schedule(Api.meeting("THEMATIC", "Họp chuyên đề giải phóng mặt bằng", period(), OffsetDateTime.parse("2030-05-01T08:00:00Z"), List.of(unit)));
        String path = "/api/meetings/" + id;
        String item = as("secretariat").body(Map.of("kind", "REPORT", "title", "Báo cáo tình hình kinh tế – xã hội"))
                .post(path + "/items").then().statusCode(201).extract().path("id");

        try (TopicReader meetingEvents = new TopicReader(Events.MEETING_TOPIC)) {
            as("leader").body(Map.of("text", "Kết luận", "directives", List.of(directive("Nội dung chỉ đạo", unit, List.of(), null))))
                    .put(path + "/conclusion").then().statusCode(200);
            String directiveId = as("leader").post(path + "/conclusion/publish").then().statusCode(200)
                    .extract().path("directives[0].directiveId");
            as("leader").post(path + "/conclusion/publish").then().statusCode(409).contentType(containsString(PROBLEM))
                    .body("type", containsString("already-published"));

            as("secretariat").body(Map.of("kind", "REPORT", "title", "Thêm")).post(path + "/items").then().statusCode(409)
                    .contentType(containsString(PROBLEM));
            as("leader").body(Map.of("stance", "AGREE")).post(path + "/items/" + item + "/opinions").then().statusCode(409);
            as("secretariat").body(Map.of("outcome", "APPROVED")).post(path + "/items/" + item + "/decision").then().statusCode(409);
            as("leader").body(Map.of("text", "Sửa", "directives", List.of())).put(path + "/conclusion").then().statusCode(409);
            as("secretariat").post(path + "/start").then().statusCode(409);
            as("secretariat").body(Map.of("reason", "Hoãn")).post(path + "/cancel").then().statusCode(409);
            as("secretariat").body(Map.of("present", List.of("X"))).put(path + "/attendance").then().statusCode(409);

            as("viewer").get(path).then().statusCode(200).body("status", equalTo("CONCLUDED"))
                    .body("items", hasSize(1)).body("items[0].outcome", equalTo(null)).body("items[0].opinions", hasSize(0));

            List<JsonNode> concluded = meetingEvents.drain(TopicReader.event("city.meeting.meeting-concluded.v1", id), Duration.ofSeconds(5));
            assertThat(concluded).as("published once").hasSize(1);

            // A correction is a new version, published as such; ids are those of the previous version or new.
            Map<String, Object> kept = directive("Nội dung chỉ đạo đã sửa", unit, List.of(), "2030-06-30");
            kept.put("directiveId", directiveId);
            Map<String, Object> stranger = new HashMap<>(kept);
            stranger.put("directiveId", java.util.UUID.randomUUID().toString());
            as("leader").body(Map.of("text", "Kết luận (đính chính)", "directives", List.of(stranger)))
                    .post(path + "/conclusion/corrections").then().statusCode(422)
                    .body("errors.rule", hasItem("known-directive"));
            as("leader").body(Map.of("text", "Kết luận (đính chính)", "directives", List.of(kept, directive("Nhiệm vụ mới", unit, List.of(), null))))
                    .post(path + "/conclusion/corrections").then().statusCode(201)
                    .body("version", equalTo(2)).body("correctsVersion", equalTo(1)).body("status", equalTo("PUBLISHED"));
            JsonNode v2 = meetingEvents.await(e -> TopicReader.event("city.meeting.meeting-concluded.v1", id).test(e)
                    && e.path("data").path("version").asInt() == 2, Duration.ofSeconds(120));
            assertThat(v2.path("data").path("correctsVersion").asInt()).isEqualTo(1);
            assertThat(v2.path("data").path("directives")).hasSize(2);
            assertThat(v2.path("data").path("directives").get(0).path("directiveId").asText()).isEqualTo(directiveId);
            as("viewer").get(path + "/conclusion").then().statusCode(200).body("versions", hasSize(2))
                    .body("current.version", equalTo(2));
        }
    }

    @Test
    void malformedRequestsAre400Or422NamingTheField() {
        Map<String, Object> body = new HashMap<>(Api.meeting("MONTHLY_BRIEFING", "Giao ban", "06/2022",
                OffsetDateTime.parse("2030-05-01T08:00:00Z"), List.of("FIN")));
        as("secretariat").body(body).post("/api/meetings").then().statusCode(422).contentType(containsString(PROBLEM))
                .body("errors[0].field", equalTo("period"));
        body.put("period", "2022-06");
        body.put("type", "PICNIC");
        as("secretariat").body(body).post("/api/meetings").then().statusCode(400).body("errors[0].field", equalTo("type"));
        body.put("type", "MONTHLY_BRIEFING");
        body.remove("title");
        as("secretariat").body(body).post("/api/meetings").then().statusCode(400).body("errors.field", hasItem("title"));
        as("secretariat").body("{not json").post("/api/meetings").then().statusCode(400).contentType(containsString(PROBLEM));
        as("viewer").get("/api/meetings/" + java.util.UUID.randomUUID()).then().statusCode(404).contentType(containsString(PROBLEM));
        as("viewer").get("/api/packs/period/June").then().statusCode(400).contentType(containsString(PROBLEM));
    }
}
