package vn.city.meeting.meeting;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.city.meeting.support.Api;
import vn.city.meeting.support.Events;
import vn.city.common.testing.TopicReader;
import vn.city.meeting.support.Golden;
import vn.city.meeting.support.ReadModel;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static vn.city.common.testing.TopicReader.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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
            events.unit("CITY", "UBND thành phố Bắc Kạn", "CITY");
            events.unit("ECO", "Phòng Kinh tế", "DEPARTMENT");
            events.unit("URB", "Phòng Quản lý đô thị", "DEPARTMENT");
            events.unit("CUL", "Phòng Văn hóa – Thông tin", "DEPARTMENT");
            juneFigures(events);
        }
        ReadModel.awaitUnits(dataSource, UNITS);
        ReadModel.awaitUnits(dataSource, List.of("CITY", "ECO", "URB", "CUL"));
        juneReports();
        // this test's own three results: the test topic also carries other suites' June 2022 results (indicator-service's
        // tests run first in the same broker), queued ahead of these, so a count of the period's results proves nothing
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(() -> ReadModel.count(
                dataSource, "select count(*) from city_result where period = '2022-06' and indicator_code = any(?)",
                List.of("RETAIL_SALES", "INDUSTRIAL_OUTPUT", "OCOP_PRODUCTS")) == 3);

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

            // The write-up of the meeting, as the seed text tells it, from the frozen pack and the units' words.
            String text = as("viewer").accept("application/json").get("/api/narratives/" + id).then().statusCode(200)
                    .body("fromFrozenPack", equalTo(true)).extract().path("text");
            // other test classes publish June 2022 figures and tasks on the same test topics: their sentences may
            // stand between the golden ones
            Golden.assertContainsInOrder("june-2022-narrative.txt", text);
        }
    }

    /** The June 2022 results of seed 001 as indicator-service publishes them (city-result-changed, revision 1). */
    static void juneFigures(Events events) {
        Events.Indicator retail = new Events.Indicator("RETAIL_SALES", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
                "tỷ đồng", "FLOW", "HIGHER_IS_BETTER", "Thương mại – dịch vụ", "ECO", "OWNER_REPORTED", "PERCENT", 1);
        Events.Indicator industry = new Events.Indicator("INDUSTRIAL_OUTPUT", "Giá trị sản xuất công nghiệp", "triệu đồng",
                "FLOW", "HIGHER_IS_BETTER", "Công nghiệp", "ECO", "OWNER_REPORTED", "PERCENT", 2);
        Events.Indicator ocop = new Events.Indicator("OCOP_PRODUCTS", "Số sản phẩm đăng ký tham gia chương trình OCOP",
                "sản phẩm", "FLOW", "HIGHER_IS_BETTER", "Nông thôn mới", "ECO", "OWNER_REPORTED", "PERCENT", 0);
        events.indicator(retail, List.of("CITY", "ECO"));
        events.indicator(industry, List.of("CITY", "ECO"));
        events.indicator(ocop, List.of("CITY", "ECO"));
        events.target("RETAIL_SALES", 2022, new java.math.BigDecimal("3439"), "PLAN");
        events.submitted(retail, "ECO", "2022-06", "ESTIMATE", new java.math.BigDecimal("285"), Map.of("status", "ON_TRACK"),
                Events.fields("value", 285, "yearToDate", 1739.5, "target", 3439, "attainmentPercent", 50.58,
                        "expectedPercent", 50, "samePeriodLastYear", 1659.04, "change", 4.85, "status", "ON_TRACK"));
        events.cityResult(retail, "2022-06", 1, "FIGURE", Events.fields("value", 285, "yearToDate", 1739.5, "target", 3439,
                "attainmentPercent", 50.58, "expectedPercent", 50, "samePeriodLastYear", 1659.04, "change", 4.85,
                "status", "ON_TRACK", "contributingUnits", List.of("ECO")));
        events.submitted(industry, "ECO", "2022-06", "OFFICIAL", new java.math.BigDecimal("24252.92"),
                Map.of("status", "NO_TARGET"), Events.fields("value", 24252.92, "yearToDate", 145244.67,
                        "samePeriodLastYear", 143991.94, "change", 0.87, "status", "NO_TARGET"));
        events.cityResult(industry, "2022-06", 1, "FIGURE", Events.fields("value", 24252.92, "yearToDate", 145244.67,
                "samePeriodLastYear", 143991.94, "change", 0.87, "status", "NO_TARGET", "contributingUnits", List.of("ECO")));
        events.submitted(ocop, "ECO", "2022-06", "OFFICIAL", new java.math.BigDecimal("2"), Map.of("status", "NO_TARGET"),
                Events.fields("value", 2, "yearToDate", 13, "status", "NO_TARGET"));
        events.cityResult(ocop, "2022-06", 1, "FIGURE", Events.fields("value", 2, "yearToDate", 13, "status", "NO_TARGET",
                "contributingUnits", List.of("ECO")));
    }

    /** The departments' own words of June 2022 (seed 001), written as their reports under each section. */
    static void juneReports() {
        for (String[] r : Golden.rows("june-2022-reports.tsv")) {
            as("secretariat").body(Map.of("text", r[2])).put("/api/meetings/reports/2022-06/" + r[0] + "/" + r[1])
                    .then().statusCode(200).body("unitCode", equalTo(r[0]));
        }
        // An officer writes its own unit's report only.
        as("officer-songcau").body(Map.of("text", "Phường Sông Cầu chuẩn bị diễn tập phòng cháy, chữa cháy rừng."))
                .put("/api/meetings/reports/2022-07/W-SONGCAU/DEFENCE_SECURITY").then().statusCode(200);
        as("officer-songcau").body(Map.of("text", "Không phải đơn vị mình"))
                .put("/api/meetings/reports/2022-07/URB/ECONOMY").then().statusCode(403);
        as("viewer").get("/api/meetings/reports/2022-06").then().statusCode(200).body("size()", equalTo(4));
    }
}
