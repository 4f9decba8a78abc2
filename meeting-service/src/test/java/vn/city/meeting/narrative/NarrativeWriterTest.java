package vn.city.meeting.narrative;

import org.junit.jupiter.api.Test;
import vn.city.meeting.conclusion.Directive;
import vn.city.common.period.Period;
import vn.city.meeting.pack.BriefingPack;
import vn.city.meeting.pack.BriefingPack.IndicatorLine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class NarrativeWriterTest {

    static IndicatorLine line(String name, String unit, String nature, String version, String value, String ytd,
                              String targetKind, String attainment, String change, String changeKind, boolean offTrack) {
        return new IndicatorLine("X", name, unit, nature, "HIGHER_IS_BETTER", "CITY", version, dec(value), dec(ytd),
                null, targetKind, dec(attainment), offTrack ? new BigDecimal("50") : null, null, dec(change), changeKind,
                offTrack ? "BEHIND" : "ON_TRACK", offTrack, "s", null);
    }

    static BigDecimal dec(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    @Test
    void budgetRevenueOfOctober2017ReadsAsTheSeedText() {
        IndicatorLine budget = line("Thu ngân sách", "tỷ đồng", "FLOW", "ESTIMATE", "4.15", "84.258", "RESOLUTION",
                "75.23", null, null, false);
        assertThat(NarrativeWriter.sentence(budget, Period.tryParse("2017-10").orElseThrow()))
                .isEqualTo("Thu ngân sách ước đạt 4,15 tỷ đồng, lũy kế 84,258 tỷ đồng, đạt 75,23% nghị quyết");
    }

    @Test
    void retailSalesOfJune2022ComparesWithTheSamePeriod() {
        IndicatorLine retail = line("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "tỷ đồng", "FLOW",
                "ESTIMATE", "285", "1739.5", "PLAN", "50.58", "4.85", "PERCENT", false);
        assertThat(NarrativeWriter.sentence(retail, Period.tryParse("2022-06").orElseThrow()))
                .isEqualTo("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng ước đạt 285 tỷ đồng, "
                        + "lũy kế 1.739,5 tỷ đồng, đạt 50,58% KH và tăng 4,85% so cùng kỳ");
        IndicatorLine industry = line("Giá trị sản xuất công nghiệp", "triệu đồng", "FLOW", "OFFICIAL", "24252.92",
                "145244.67", null, null, "0.87", "PERCENT", false);
        assertThat(NarrativeWriter.sentence(industry, Period.tryParse("2022-06").orElseThrow()))
                .isEqualTo("Giá trị sản xuất công nghiệp đạt 24.252,92 triệu đồng, lũy kế 145.244,67 triệu đồng, "
                        + "tăng 0,87% so cùng kỳ");
    }

    @Test
    void aLevelIndicatorReportsItsChangeInPointsAgainstTheYearBefore() {
        IndicatorLine poverty = line("Tỷ lệ hộ nghèo", "%", "LEVEL", "OFFICIAL", "2.88", null, null, null, "-0.32",
                "POINTS", false);
        assertThat(NarrativeWriter.sentence(poverty, Period.tryParse("2016").orElseThrow()))
                .isEqualTo("Tỷ lệ hộ nghèo 2,88%, giảm 0,32% so với năm 2015");
    }

    @Test
    void progressIsAShare() {
        IndicatorLine sowing = line("Gieo mạ", "%", "PROGRESS", "ESTIMATE", "100", null, null, null, null, null, false);
        assertThat(NarrativeWriter.sentence(sowing, Period.tryParse("2017-02").orElseThrow())).isEqualTo("Gieo mạ đạt 100%");
    }

    @Test
    void theReportListsOffTrackIndicatorsTasksAndTheNextPeriodsDirectives() {
        IndicatorLine budget = line("Thu ngân sách", "tỷ đồng", "FLOW", "ESTIMATE", "4.15", "84.258", "RESOLUTION",
                "30", null, null, true);
        BriefingPack pack = new BriefingPack(UUID.randomUUID(), "2017-10", "tháng 10/2017", OffsetDateTime.now(), true,
                OffsetDateTime.now(), List.of(budget),
                List.of(new BriefingPack.UnitTasks("FIN", "Phòng Tài chính – Kế hoạch", 2, 1, 1, 3, List.of())),
                new BriefingPack.TaskTotals(2, 1, 1, 3), List.of());
        Directive d = new Directive(UUID.randomUUID(), "Xây dựng trung tâm hành chính công",
                "Hoàn thành việc xây dựng trung tâm dịch vụ hành chính công", "FIN", List.of("ECO"),
                LocalDate.of(2017, 11, 30), false, Directive.Priority.HIGH, List.of());
        Narrative n = NarrativeWriter.write(pack.meetingId(), Period.tryParse("2017-10").orElseThrow(), pack, List.of(d));
        assertThat(n.title()).contains("tháng 10/2017");
        assertThat(n.text()).contains("Một số chỉ tiêu chưa đạt tiến độ: Thu ngân sách mới đạt 30% nghị quyết (tiến độ yêu cầu 50%)")
                .contains("hoàn thành đúng hạn 2 nhiệm vụ, hoàn thành chậm 1 nhiệm vụ; 3 nhiệm vụ đang thực hiện, 1 nhiệm vụ quá hạn")
                .contains("Nhiệm vụ trọng tâm tháng 11/2017: Hoàn thành việc xây dựng trung tâm dịch vụ hành chính công "
                        + "(chủ trì: FIN; phối hợp: ECO; thời hạn: 30/11/2017)");
    }

    @Test
    void htmlIsEscapedUtf8AndVietnamese() {
        Narrative n = new Narrative(UUID.randomUUID(), "2017-10", "Báo cáo <tháng 10> & \"dự thảo\"", List.of(),
                List.of("Chỉ tiêu <script>alert('x')</script>"), "", true, OffsetDateTime.now());
        String html = NarrativeHtml.render(n);
        assertThat(html).contains("<html lang=\"vi\">").contains("<meta charset=\"UTF-8\">")
                .contains("Báo cáo &lt;tháng 10&gt; &amp; &quot;dự thảo&quot;")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .doesNotContain("<script>");
    }
}
