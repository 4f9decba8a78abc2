package vn.city.meeting.pack;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.city.meeting.support.Api;
import vn.city.meeting.support.Events;
import vn.city.meeting.support.ReadModel;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.city.meeting.support.Api.as;
import static vn.city.meeting.support.Api.directive;

/**
 * One scoping rule: in a live pack an officer sees the tasks task-service shows it (its unit leads or coordinates
 * them; TaskAccess/TaskQueries there); the attendees of a meeting see its whole frozen pack.
 */
@QuarkusTest
class OfficerViewTest {

    @Inject
    AgroalDataSource dataSource;

    static List<String> tasks(JsonPath pack) {
        return pack.getList("units.tasks.flatten().taskId", String.class);
    }

    @Test
    void anOfficerSeesItsUnitsTasksInALivePackAndTheWholeFrozenPackOfAMeetingItAttends() {
        String month = ThreadLocalRandom.current().nextInt(2100, 2999) + "-05";
        UUID finLeads = UUID.randomUUID();
        UUID songCauCoordinates = UUID.randomUUID();
        UUID songCauLeads = UUID.randomUUID();
        UUID ecoAlone = UUID.randomUUID();
        try (Events events = new Events()) {
            events.unit("FIN", "Phòng Tài chính – Kế hoạch", "DEPARTMENT");
            events.unit("ECO", "Phòng Kinh tế", "DEPARTMENT");
            events.unit("W-SONGCAU", "Phường Sông Cầu", "WARD");
            ReadModel.awaitUnits(dataSource, List.of("FIN", "ECO", "W-SONGCAU"));
            OffsetDateTime now = Events.now();
            events.task("task-assigned", finLeads, "Báo cáo thu ngân sách", "FIN", List.of(), month, month + "-25", now);
            events.task("task-assigned", songCauCoordinates, "Chỉnh trang đô thị", "ECO", List.of("W-SONGCAU"), month,
                    month + "-25", now);
            events.task("task-assigned", songCauLeads, "Tháo dỡ công trình lấn chiếm", "W-SONGCAU", List.of(), month,
                    month + "-25", now);
            events.task("task-assigned", ecoAlone, "Kiểm soát thị trường", "ECO", List.of(), month, month + "-25", now);
        }
        List<String> all = List.of(finLeads.toString(), songCauCoordinates.toString(), songCauLeads.toString(),
                ecoAlone.toString());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(() ->
                tasks(as("viewer").get("/api/packs/period/" + month).then().statusCode(200).extract().jsonPath())
                        .containsAll(all));

        JsonPath songCau = as("officer-songcau").get("/api/packs/period/" + month).then().statusCode(200).extract().jsonPath();
        assertThat(tasks(songCau)).containsExactlyInAnyOrder(songCauCoordinates.toString(), songCauLeads.toString());
        assertThat(songCau.getString("taskScope")).isEqualTo("W-SONGCAU");
        assertThat(tasks(as("officer-fin").get("/api/packs/period/" + month).then().statusCode(200).extract().jsonPath()))
                .containsExactly(finLeads.toString());
        assertThat(tasks(as("leader").get("/api/packs/period/" + month).then().statusCode(200).extract().jsonPath()))
                .containsAll(all);

        String meeting = Api.schedule(Api.meeting("MONTHLY_BRIEFING", "Giao ban tháng " + month, month,
                OffsetDateTime.parse(month + "-28T08:00:00Z"), List.of("FIN", "W-SONGCAU")));
        assertThat(tasks(as("officer-songcau").get("/api/packs/" + meeting).then().statusCode(200).extract().jsonPath()))
                .containsExactlyInAnyOrder(songCauCoordinates.toString(), songCauLeads.toString());
        as("officer-eco").get("/api/packs/" + meeting).then().statusCode(403);

        as("leader").body(Map.of("text", "Kết luận", "directives",
                List.of(directive("Đôn đốc thu ngân sách", "FIN", List.of(), null))))
                .put("/api/meetings/" + meeting + "/conclusion").then().statusCode(200);
        as("leader").post("/api/meetings/" + meeting + "/conclusion/publish").then().statusCode(200);
        JsonPath frozen = as("officer-songcau").get("/api/packs/" + meeting).then().statusCode(200).extract().jsonPath();
        assertThat(frozen.getBoolean("frozen")).isTrue();
        assertThat(tasks(frozen)).as("the document circulated at the meeting, whole").containsAll(all);
        as("officer-eco").get("/api/packs/" + meeting).then().statusCode(403);
    }
}
