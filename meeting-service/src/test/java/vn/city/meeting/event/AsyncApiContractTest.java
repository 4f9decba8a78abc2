package vn.city.meeting.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.city.meeting.support.Api;
import vn.city.common.testing.AsyncApiContract;
import vn.city.common.testing.TopicReader;
import vn.city.meeting.support.Events;
import vn.city.meeting.support.ReadModel;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.city.meeting.support.Api.as;
import static vn.city.meeting.support.Api.directive;

/** The events produced on the real broker carry every field asyncapi.yaml declares required. */
@QuarkusTest
class AsyncApiContractTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void producedEventsMatchTheDocument() throws Exception {
        AsyncApiContract contract = AsyncApiContract.of("meeting-service");
        JsonNode doc = contract.document();
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        JsonNode schemas = doc.path("components").path("schemas");

        String unit = Events.random("D-API");
        try (Events events = new Events()) {
            events.unit(unit, "Phòng kiểm tra hợp đồng sự kiện", "DEPARTMENT");
        }
        ReadModel.awaitUnits(dataSource, List.of(unit));
        try (TopicReader reader = new TopicReader(Events.MEETING_TOPIC)) {
            String period = ThreadLocalRandom.current().nextInt(2100, 2999) + "-H1";
            String id = Api.schedule(Api.meeting("HALF_YEAR_REVIEW", "Sơ kết 6 tháng", period,
                    OffsetDateTime.parse("2030-07-01T08:00:00Z"), List.of(unit)));
            String item = as("secretariat").body(Map.of("kind", "FOR_OPINION", "title", "Dự thảo", "presentingUnit", unit))
                    .post("/api/meetings/" + id + "/items").then().statusCode(201).extract().path("id");
            as("secretariat").body(Map.of("outcome", "DEFERRED")).post("/api/meetings/" + id + "/items/" + item + "/decision")
                    .then().statusCode(200);
            as("leader").body(Map.of("text", "Kết luận", "directives", List.of(directive("Nội dung", unit, List.of(), "2030-12-31"))))
                    .put("/api/meetings/" + id + "/conclusion").then().statusCode(200);
            as("leader").post("/api/meetings/" + id + "/conclusion/publish").then().statusCode(200);

            List<String> produced = new ArrayList<>();
            doc.path("operations").path("publishMeetingEvents").path("messages")
                    .forEach(ref -> produced.add(ref.path("$ref").asText().replaceAll(".*/", "")));
            assertThat(produced).containsExactly("meetingScheduled", "itemDecided", "meetingConcluded", "packFrozen");
            for (String name : produced) {
                JsonNode message = doc.path("components").path("messages").path(name);
                String type = message.path("x-cloudevents-type").asText();
                JsonNode event = reader.await(TopicReader.event(type, id), Duration.ofSeconds(120));
                contract.requireValid(event);
                requireFields(event, schemas.path("CloudEvent"), type);
                JsonNode dataSchema = schemas.path(message.path("x-data").asText());
                assertThat(dataSchema.isMissingNode()).as("schema of " + name).isFalse();
                requireFields(event.path("data"), dataSchema, type + ".data");
                if ("meetingConcluded".equals(name)) {
                    assertThat(event.path("data").path("directives")).isNotEmpty();
                    for (JsonNode d : event.path("data").path("directives")) {
                        requireFields(d, schemas.path("Directive"), type + ".directives[]");
                    }
                }
            }
        }
    }

    private static void requireFields(JsonNode node, JsonNode schema, String where) {
        assertThat(schema.path("required").isArray()).as(where + " declares required fields").isTrue();
        for (Iterator<JsonNode> it = schema.path("required").elements(); it.hasNext(); ) {
            String field = it.next().asText();
            assertThat(node.has(field)).as(where + " carries " + field).isTrue();
        }
    }
}
