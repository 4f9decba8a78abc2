package vn.city.meeting.meeting;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.city.meeting.support.Api;
import vn.city.meeting.support.Events;
import vn.city.common.testing.TopicReader;
import vn.city.meeting.support.ReadModel;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static vn.city.common.testing.TopicReader.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static vn.city.meeting.support.Api.as;
import static vn.city.meeting.support.Api.directive;

/** Seed 001: the June 2022 briefing of Bắc Kạn city, end to end, read back from the real broker. */
@QuarkusTest
class JuneBriefingTest {

    static final List<String> UNITS = List.of("ENV", "FIN", "W-SONGCAU", "W-XUATHOA", "C-NONGTHUONG", "C-DUONGQUANG");
    static final String CHAIR = "Dương Hữu Bường – Chủ tịch UBND thành phố";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void threeItemsApprovedConclusionPublishedAndReadBackFromTheBroker() {
        try (Events events = new Events()) {
            events.unit("ENV", "Phòng Tài nguyên và Môi trường", "DEPARTMENT");
            events.unit("FIN", "Phòng Tài chính – Kế hoạch", "DEPARTMENT");
            events.unit("W-SONGCAU", "Phường Sông Cầu", "WARD");
            events.unit("W-XUATHOA", "Phường Xuất Hóa", "WARD");
            events.unit("C-NONGTHUONG", "Xã Nông Thượng", "COMMUNE");
            events.unit("C-DUONGQUANG", "Xã Dương Quang", "COMMUNE");
        }
        ReadModel.awaitUnits(dataSource, UNITS);

        try (TopicReader meetingEvents = new TopicReader(Events.MEETING_TOPIC)) {
            String id = Api.schedule(Api.meeting("MONTHLY_BRIEFING", "UBND thành phố Bắc Kạn họp giao ban tháng 7/2022",
                    "2022-06", OffsetDateTime.parse("2022-06-30T14:00:00+07:00"), UNITS));
            as("secretariat").post("/api/meetings/" + id + "/start").then().statusCode(200)
                    .body("status", equalTo("IN_PROGRESS"));

            List<String> items = new ArrayList<>();
            for (String[] item : new String[][]{
                    {"Dự thảo Quyết định ban hành quy định chức năng, nhiệm vụ, quyền hạn, tổ chức và biên chế của phòng Tài nguyên – Môi trường thành phố Bắc Kạn", "DRAFT_DECISION"},
                    {"Cho phép 02 hộ gia đình, cá nhân được chuyển mục đích sử dụng đất tại phường Sông Cầu, phường Xuất Hoá", "LAND_USE_CHANGE"},
                    {"Phương án bồi thường, hỗ trợ GPMB dự án Trường Mầm non Dương Quang", "COMPENSATION_PLAN"}}) {
                items.add(as("secretariat").body(Map.of("kind", "FOR_OPINION", "title", item[0], "presentingUnit", "ENV",
                                "documentKind", item[1], "documentRef", "Tờ trình của Phòng TN&MT"))
                        .post("/api/meetings/" + id + "/items")
                        .then().statusCode(201).body("title", equalTo(item[0])).extract().<String>path("id"));
            }
            for (String item : items) {
                as("leader").body(Map.of("stance", "AGREE", "text", "Nhất trí thông qua"))
                        .post("/api/meetings/" + id + "/items/" + item + "/opinions").then().statusCode(201);
                as("officer-songcau").body(Map.of("stance", "AGREE"))
                        .post("/api/meetings/" + id + "/items/" + item + "/opinions").then().statusCode(201);
                as("secretariat").body(Map.of("outcome", "APPROVED", "note", "Các thành viên dự họp đã thảo luận, nhất trí thông qua"))
                        .post("/api/meetings/" + id + "/items/" + item + "/decision")
                        .then().statusCode(200).body("outcome", equalTo("APPROVED"));
            }

            as("leader").body(Map.of("text", "Đề nghị thủ trưởng các cơ quan, phòng, ban, ngành thành phố chủ động rà soát, "
                            + "thực hiện đầy đủ, nghiêm túc nhiệm vụ tại các thông báo, kết luận sau thanh tra, kiểm toán.",
                    "directives", List.of(
                            directive("Chủ trì, phối hợp với các đơn vị và hai xã Nông Thượng, Dương Quang quan tâm thực hiện "
                                    + "công tác vệ sinh môi trường, tạo cảnh quan xanh, sạch, đẹp", "ENV",
                                    List.of("C-NONGTHUONG", "C-DUONGQUANG"), null),
                            directive("Đôn đốc các xã, phường tiếp tục tuyên truyền, vận động người dân tháo dỡ các công trình "
                                    + "lấn chiếm hành lang kỹ thuật tại các khu dân cư", "W-SONGCAU", List.of("W-XUATHOA"), "2022-07-31"),
                            directive("Chuẩn bị diễn tập phòng cháy, chữa cháy rừng phường Sông Cầu năm 2022", "W-SONGCAU",
                                    List.of(), "2022-09-30"))))
                    .put("/api/meetings/" + id + "/conclusion").then().statusCode(200)
                    .body("status", equalTo("DRAFT")).body("directives", hasSize(3));

            long publishing = System.nanoTime();
            as("leader").post("/api/meetings/" + id + "/conclusion/publish").then().statusCode(200)
                    .body("status", equalTo("PUBLISHED")).body("version", equalTo(1));

            List<JsonNode> decided = meetingEvents.awaitCount(e -> type("city.meeting.item-decided.v1").test(e)
                    && id.equals(e.path("subject").asText()), 3, Duration.ofSeconds(120));
            assertThat(decided).allSatisfy(e -> assertThat(e.path("data").path("outcome").asText()).isEqualTo("APPROVED"));

            JsonNode concluded = meetingEvents.await(e -> type("city.meeting.meeting-concluded.v1").test(e)
                    && id.equals(e.path("subject").asText()), Duration.ofSeconds(120));
            System.out.printf("[measure] publish conclusion → meeting-concluded read back from the broker: %d ms%n",
                    (System.nanoTime() - publishing) / 1_000_000);
            JsonNode data = concluded.path("data");
            assertThat(data.path("meetingId").asText()).isEqualTo(id);
            assertThat(data.path("version").asInt()).isEqualTo(1);
            assertThat(data.path("correctsVersion").isNull()).isTrue();
            assertThat(data.path("chair").asText()).isEqualTo(CHAIR);
            assertThat(data.path("period").asText()).isEqualTo("2022-06");
            assertThat(data.path("directives")).hasSize(3);
            JsonNode first = data.path("directives").get(0);
            assertThat(first.path("directiveId").asText()).hasSize(36);
            assertThat(first.path("leadUnit").asText()).isEqualTo("ENV");
            assertThat(first.path("ongoing").asBoolean()).isTrue();
            assertThat(first.path("deadline").isNull()).isTrue();
            assertThat(first.path("content").asText()).contains("vệ sinh môi trường, tạo cảnh quan xanh, sạch, đẹp");
            assertThat(first.path("coordinatingUnits").toString()).contains("C-NONGTHUONG", "C-DUONGQUANG");
            assertThat(data.path("directives").get(1).path("deadline").asText()).isEqualTo("2022-07-31");

            meetingEvents.await(e -> type("city.meeting.pack-frozen.v1").test(e)
                    && id.equals(e.path("subject").asText()), Duration.ofSeconds(120));

            as("viewer").get("/api/meetings/" + id).then().statusCode(200)
                    .body("status", equalTo("CONCLUDED"))
                    .body("chair", equalTo(CHAIR))
                    .body("items.findAll { it.kind == 'FOR_OPINION' }", hasSize(3))
                    .body("items.findAll { it.kind == 'FOR_OPINION' }.outcome", everyItem(equalTo("APPROVED")))
                    .body("items.findAll { it.kind == 'FOR_OPINION' }[0].presentingUnit", equalTo("ENV"))
                    .body("items.findAll { it.kind == 'FOR_OPINION' }[0].opinions", hasSize(2));
            as("viewer").get("/api/meetings/" + id + "/conclusion").then().statusCode(200)
                    .body("current.version", equalTo(1)).body("versions", hasSize(1));
        }
    }
}
