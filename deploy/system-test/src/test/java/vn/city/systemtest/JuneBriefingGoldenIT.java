package vn.city.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13's golden test through the real services: the June 2022 briefing of seed 001 (Bắc Kạn city), rendered by
 * meeting-service from figures that went through indicator-service (its API, its aggregation, its events) and never
 * from hand-made numbers. The secretariat sets the 2022 plan target; the economy department's officer reports its
 * monthly figures of 2021 and 2022 as it would (the months of the year, June 2022 as an estimate for retail sales);
 * the secretariat schedules the June 2022 briefing, the departments' written reports are recorded, the three items
 * for opinion are approved, the chair publishes the conclusion; the narrative of the meeting (from its frozen pack)
 * must contain every sentence of meeting-service's golden file, in order. The system tests share the databases of
 * one run, so other tests' sentences of June 2022 may stand between the golden ones.
 */
class JuneBriefingGoldenIT {

    static final Path GOLDEN = Path.of("meeting-service", "src", "test", "resources", "golden", "june-2022-narrative.txt");
    static final Path REPORTS = Path.of("meeting-service", "src", "test", "resources", "golden", "june-2022-reports.tsv");
    static final String CHAIR = "Dương Hữu Bường – Chủ tịch UBND thành phố";
    static final List<String> ATTENDEES = List.of("ENV", "FIN", "ECO", "W-SONGCAU", "W-XUATHOA", "C-NONGTHUONG",
            "C-DUONGQUANG");

    @Test
    void juneTwentyTwentyTwoBriefingFromFiguresThroughIndicatorService() throws IOException {
        long t0 = System.nanoTime();
        // 1. the year's plan target (Kế hoạch) for retail sales, as the secretariat keeps it
        Map<String, Object> target = new HashMap<>();
        target.put("indicatorCode", "RETAIL_SALES");
        target.put("year", 2022);
        target.put("unitCode", null);
        target.put("value", new BigDecimal("3439"));
        target.put("kind", "PLAN");
        target.put("documentNumber", "KH-UBND 2022");
        target.put("documentDate", "2022-01-10");
        Api.expect(Api.as("secretariat", Steps.indicator()).body(target).post("/api/targets"), 201);

        // 2. the economy department's monthly reports: 2021 (the same period last year) and January–June 2022
        String[] retail2021 = {"276.5", "276.5", "276.5", "276.5", "276.5", "276.54"};      // lũy kế 6 tháng 1.659,04
        String[] retail2022 = {"290.9", "290.9", "290.9", "290.9", "290.9", "285"};         // lũy kế 1.739,5
        String[] industry2021 = {"24000", "24000", "24000", "24000", "24000", "23991.94"}; // lũy kế 143.991,94
        String[] industry2022 = {"24000", "24000", "24000", "24000", "24991.75", "24252.92"}; // lũy kế 145.244,67
        String[] ocop2022 = {"2", "2", "3", "2", "2", "2"};                                  // lũy kế 13
        for (int m = 1; m <= 6; m++) {
            report("RETAIL_SALES", "2021-0" + m, "OFFICIAL", retail2021[m - 1]);
            report("INDUSTRIAL_OUTPUT", "2021-0" + m, "OFFICIAL", industry2021[m - 1]);
        }
        for (int m = 1; m <= 6; m++) {
            // June's retail sales are an estimate (ước đạt) at the meeting; the rest are official
            report("RETAIL_SALES", "2022-0" + m, m == 6 ? "ESTIMATE" : "OFFICIAL", retail2022[m - 1]);
            report("INDUSTRIAL_OUTPUT", "2022-0" + m, "OFFICIAL", industry2022[m - 1]);
            report("OCOP_PRODUCTS", "2022-0" + m, "OFFICIAL", ocop2022[m - 1]);
        }

        // 3. the departments' written reports of June 2022, under their sections
        for (String line : Files.readAllLines(StackConfig.repoRoot().resolve(REPORTS), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] r = line.split("\t");
            Api.expect(Api.as("secretariat", Steps.meeting()).body(Map.of("text", r[2]))
                    .put("/api/meetings/reports/2022-06/" + r[0] + "/" + r[1]), 200);
        }

        // 4. the secretariat schedules the briefing of June 2022
        Map<String, Object> meeting = new HashMap<>();
        meeting.put("type", "MONTHLY_BRIEFING");
        meeting.put("title", "UBND thành phố Bắc Kạn họp giao ban tháng 7/2022");
        meeting.put("period", "2022-06");
        meeting.put("startsAt", "2022-06-30T14:00:00+07:00");
        meeting.put("place", "Phòng họp UBND thành phố");
        meeting.put("chair", CHAIR);
        meeting.put("attendeeUnits", ATTENDEES);
        meeting.put("attendeePeople", List.of("Dương Hữu Bường"));
        UUID id = UUID.fromString(Api.expect(Api.as("secretariat", Steps.meeting()).body(meeting)
                .post("/api/meetings"), 201).path("id").asText());

        // 5. its pack shows the city's figures as indicator-service formed them (through its events)
        JsonNode pack = await("the June 2022 pack shows the three indicators as indicator-service formed them")
                .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> Api.json(Api.as("secretariat", Steps.meeting()).get("/api/packs/" + id)),
                        p -> is(line(p, "RETAIL_SALES"), "yearToDate", "1739.5")
                                && is(line(p, "RETAIL_SALES"), "samePeriodLastYear", "1659.04")
                                && is(line(p, "RETAIL_SALES"), "target", "3439")
                                && is(line(p, "INDUSTRIAL_OUTPUT"), "yearToDate", "145244.67")
                                && is(line(p, "INDUSTRIAL_OUTPUT"), "samePeriodLastYear", "143991.94")
                                && is(line(p, "OCOP_PRODUCTS"), "yearToDate", "13"));
        JsonNode retail = line(pack, "RETAIL_SALES");
        assertThat(retail.path("cityFigure").asBoolean()).isTrue();
        assertThat(retail.path("value").decimalValue()).isEqualByComparingTo("285");
        assertThat(retail.path("version").asText()).isEqualTo("ESTIMATE");
        assertThat(retail.path("attainmentPercent").decimalValue()).isEqualByComparingTo("50.58");
        assertThat(retail.path("change").decimalValue().setScale(2, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo("4.85");
        assertThat(retail.path("units").toString()).contains("\"unitCode\":\"ECO\"");

        // 6. the meeting: three items for opinion approved, the chair's conclusion published
        Api.expect(Api.as("secretariat", Steps.meeting()).post("/api/meetings/" + id + "/start"), 200);
        List<String> items = new ArrayList<>();
        for (String[] item : new String[][]{
                {"Dự thảo Quyết định ban hành quy định chức năng, nhiệm vụ, quyền hạn, tổ chức và biên chế của phòng Tài nguyên – Môi trường thành phố Bắc Kạn", "DRAFT_DECISION"},
                {"Cho phép 02 hộ gia đình, cá nhân được chuyển mục đích sử dụng đất tại phường Sông Cầu, phường Xuất Hoá", "LAND_USE_CHANGE"},
                {"Phương án bồi thường, hỗ trợ GPMB dự án Trường Mầm non Dương Quang", "COMPENSATION_PLAN"}}) {
            items.add(Api.expect(Api.as("secretariat", Steps.meeting()).body(Map.of("kind", "FOR_OPINION", "title", item[0],
                            "presentingUnit", "ENV", "documentKind", item[1], "documentRef", "Tờ trình của Phòng TN&MT"))
                    .post("/api/meetings/" + id + "/items"), 201).path("id").asText());
        }
        for (String item : items) {
            Api.expect(Api.as("leader", Steps.meeting()).body(Map.of("stance", "AGREE", "text", "Nhất trí thông qua"))
                    .post("/api/meetings/" + id + "/items/" + item + "/opinions"), 201);
            Api.expect(Api.as("secretariat", Steps.meeting()).body(Map.of("outcome", "APPROVED",
                            "note", "Các thành viên dự họp đã thảo luận, nhất trí thông qua"))
                    .post("/api/meetings/" + id + "/items/" + item + "/decision"), 200);
        }
        Api.expect(Api.as("leader", Steps.meeting()).body(Map.of("text", "Đề nghị thủ trưởng các cơ quan, phòng, ban, "
                        + "ngành thành phố chủ động rà soát, thực hiện đầy đủ, nghiêm túc nhiệm vụ tại các thông báo, kết luận "
                        + "sau thanh tra, kiểm toán.",
                "directives", List.of(
                        directive("Chủ trì, phối hợp với các đơn vị và hai xã Nông Thượng, Dương Quang quan tâm thực hiện "
                                + "công tác vệ sinh môi trường, tạo cảnh quan xanh, sạch, đẹp", "ENV",
                                List.of("C-NONGTHUONG", "C-DUONGQUANG"), null),
                        directive("Đôn đốc các xã, phường tiếp tục tuyên truyền, vận động người dân tháo dỡ các công trình "
                                + "lấn chiếm hành lang kỹ thuật tại các khu dân cư", "W-SONGCAU", List.of("W-XUATHOA"),
                                "2022-07-31"),
                        directive("Chuẩn bị diễn tập phòng cháy, chữa cháy rừng phường Sông Cầu năm 2022", "W-SONGCAU",
                                List.of(), "2022-09-30"))))
                .put("/api/meetings/" + id + "/conclusion"), 200);
        Api.expect(Api.as("leader", Steps.meeting()).post("/api/meetings/" + id + "/conclusion/publish"), 200);

        // 7. the write-up, from the pack frozen at the conclusion and the units' own words
        JsonNode narrative = await("the narrative of the concluded meeting, from its frozen pack")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Api.json(Api.as("viewer", Steps.meeting()).get("/api/narratives/" + id)),
                        n -> n.path("fromFrozenPack").asBoolean());
        String text = narrative.path("text").asText();
        Figures.record("june-2022-golden", "narrative of meeting %s rendered from indicator-service's figures (%d s):%n%s",
                id, Duration.ofNanos(System.nanoTime() - t0).toSeconds(), text);
        Path out = StackConfig.targetDir().resolve("june-2022-narrative.rendered.txt");
        Files.writeString(out, text + "\n", StandardCharsets.UTF_8);
        assertContainsInOrder(Files.readString(StackConfig.repoRoot().resolve(GOLDEN), StandardCharsets.UTF_8), text);
    }

    /** The economy department's officer reports a month's figure of its own unit. */
    static void report(String indicator, String period, String version, String value) {
        Map<String, Object> body = new HashMap<>();
        body.put("indicatorCode", indicator);
        body.put("unitCode", "ECO");
        body.put("period", period);
        body.put("version", version);
        body.put("value", new BigDecimal(value));
        body.put("note", ("ESTIMATE".equals(version) ? "ước thực hiện tháng " : "báo cáo tháng ") + period);
        Api.expect(Api.as("officer-eco", Steps.indicator()).body(body).post("/api/figures"), 201);
    }

    /** A directive as the chair words it (its content is what the narrative quotes). */
    static Map<String, Object> directive(String content, String lead, List<String> coordinating, String deadline) {
        Map<String, Object> d = new HashMap<>();
        d.put("content", content);
        d.put("leadUnit", lead);
        d.put("coordinatingUnits", coordinating);
        d.put("deadline", deadline);
        d.put("ongoing", deadline == null);
        d.put("priority", "NORMAL");
        d.put("indicatorCodes", List.of());
        return d;
    }

    static JsonNode line(JsonNode pack, String code) {
        for (JsonNode l : pack.path("indicators")) {
            if (code.equals(l.path("indicatorCode").asText())) {
                return l;
            }
        }
        return Api.JSON.missingNode();
    }

    static boolean is(JsonNode line, String field, String value) {
        JsonNode v = line.path(field);
        return v.isNumber() && v.decimalValue().compareTo(new BigDecimal(value)) == 0;
    }

    /**
     * Every sentence of the golden text appears in the rendering, verbatim and in the golden order (as
     * meeting-service's Golden.assertContainsInOrder): other tests of the run may add sentences of their own.
     */
    static void assertContainsInOrder(String golden, String actual) {
        int from = 0;
        for (String sentence : golden.strip().split("(?<=[.;:])\\s+")) {
            String s = sentence.strip();
            if (s.isEmpty()) {
                continue;
            }
            int at = actual.indexOf(s, from);
            assertThat(at).as("golden sentence, in order, in the rendered June 2022 narrative: " + s
                    + "\n--- rendered ---\n" + actual).isGreaterThanOrEqualTo(0);
            from = at + s.length();
        }
    }
}
