package vn.city.meeting.narrative;

import org.junit.jupiter.api.Test;
import vn.city.meeting.conclusion.Directive;
import vn.city.common.period.Period;
import vn.city.meeting.narrative.NarrativeWriter.ItemForOpinion;
import vn.city.meeting.narrative.NarrativeWriter.MeetingFacts;
import vn.city.meeting.narrative.NarrativeWriter.UnitWords;
import vn.city.meeting.pack.BriefingPack;
import vn.city.meeting.pack.BriefingPack.IndicatorLine;
import vn.city.meeting.pack.BriefingPack.UnitRef;
import vn.city.meeting.report.ReportSection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The phrases of the seed texts, rule by rule (issue 13, point 4). */
class NarrativeWriterTest {

    static final Map<String, String> NAMES = Map.of("FIN", "Phòng Tài chính – Kế hoạch", "ECO", "Phòng Kinh tế",
            "W-SONGCAU", "Phường Sông Cầu", "C-DUONGQUANG", "Xã Dương Quang", "URB", "Phòng Quản lý đô thị");

    /** A line with what a sentence reads; everything else empty. */
    record L(String name, String unit, String nature, String direction, String version, String value, String ytd,
             String target, String targetKind, String attainment, String expected, String change, String changeKind,
             int decimals, String status) {
        IndicatorLine line() {
            return line(false, List.of());
        }

        IndicatorLine line(boolean partial, List<UnitRef> missing) {
            return new IndicatorLine("X", name, unit, nature, direction, "Tài chính", "OWNER_REPORTED", changeKind,
                    decimals, true, version, dec(value), dec(ytd), dec(target), targetKind, dec(attainment),
                    dec(expected), null, dec(change), status, "BEHIND".equals(status), partial, missing, List.of(),
                    false, 1L, null, List.of());
        }
    }

    static BigDecimal dec(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    static String say(L l, String period) {
        return NarrativeWriter.sentence(l.line(), Period.tryParse(period).orElseThrow(), NAMES);
    }

    @Test
    void aFlowSaysItsMonthItsYearToDateItsAttainmentAndItsChange() {
        assertThat(say(new L("Thu ngân sách", "tỷ đồng", "FLOW", "HIGHER_IS_BETTER", "ESTIMATE", "4.15", "84.258", "112",
                "RESOLUTION", "75.23", "83.33", null, "PERCENT", 3, "ON_TRACK"), "2017-10"))
                .isEqualTo("Thu ngân sách tháng 10 ước đạt 4,15 tỷ đồng, lũy kế 10 tháng đầu năm ước đạt 84,258 tỷ đồng, "
                        + "đạt 75,23% nghị quyết");
        assertThat(say(new L("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "tỷ đồng", "FLOW",
                "HIGHER_IS_BETTER", "ESTIMATE", "285", "1739.5", "3439", "PLAN", "50.58", "50", "4.85", "PERCENT", 1,
                "ON_TRACK"), "2022-06"))
                .isEqualTo("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 6 ước đạt 285 tỷ đồng, "
                        + "lũy kế 6 tháng đầu năm ước đạt 1.739,5 tỷ đồng, đạt 50,58% KH và tăng 4,85% so cùng kỳ");
    }

    @Test
    void lũyKếIsNotRepeatedInJanuaryNorForAYear() {
        assertThat(say(new L("Thu ngân sách", "tỷ đồng", "FLOW", "HIGHER_IS_BETTER", "OFFICIAL", "9", "9", null, null,
                null, null, null, "PERCENT", 2, "NO_TARGET"), "2022-01"))
                .isEqualTo("Thu ngân sách tháng 1 đạt 9 tỷ đồng");
        assertThat(say(new L("Tổng sản lượng lương thực có hạt", "tấn", "FLOW", "HIGHER_IS_BETTER", "OFFICIAL", "4785",
                "4785", "4350", "PLAN", "110", null, null, "PERCENT", 0, "ACHIEVED"), "2013"))
                .isEqualTo("Tổng sản lượng lương thực có hạt cả năm đạt 4.785 tấn, đạt 110% KH")
                .doesNotContain("lũy kế");
    }

    @Test
    void aLevelsChangeIsInItsOwnUnitOrInPoints() {
        assertThat(say(new L("Năng suất lúa", "tạ/ha", "LEVEL", "HIGHER_IS_BETTER", "OFFICIAL", "50", null, null, null,
                null, null, "2", "UNITS", 1, "NO_TARGET"), "2017-10"))
                .isEqualTo("Năng suất lúa đạt 50 tạ/ha, tăng 2 tạ/ha so cùng kỳ");
        assertThat(say(new L("Số tiêu chí nông thôn mới đạt", "tiêu chí", "LEVEL", "HIGHER_IS_BETTER", "OFFICIAL", "15",
                null, null, null, null, null, "1", "UNITS", 0, "NO_TARGET"), "2016"))
                .as("no doubled word, no %")
                .isEqualTo("Số tiêu chí nông thôn mới đạt 15 tiêu chí, tăng 1 tiêu chí so với năm 2015");
    }

    @Test
    void lowerIsBetterReadsAsTheTextsDo() {
        assertThat(say(new L("Tỷ lệ hộ nghèo", "%", "LEVEL", "LOWER_IS_BETTER", "OFFICIAL", "2.88", null, "3", "RESOLUTION",
                "104.17", null, "-0.32", "POINTS", 2, "ACHIEVED"), "2016"))
                .isEqualTo("Tỷ lệ hộ nghèo giảm còn 2,88% (giảm 0,32 điểm phần trăm so với năm 2015), đạt chỉ tiêu")
                .doesNotContain("mới đạt").doesNotContain("nghị quyết");
    }

    @Test
    void valuesAreRoundedAsTheIndicatorDeclares() {
        assertThat(say(new L("Chi ngân sách", "tỷ đồng", "FLOW", "HIGHER_IS_BETTER", "OFFICIAL", "12.3456789", null, null,
                null, null, null, null, "PERCENT", 2, "NO_TARGET"), "2022-01"))
                .isEqualTo("Chi ngân sách tháng 1 đạt 12,35 tỷ đồng");
    }

    @Test
    void aPartialTotalSaysWhoIsMissing() {
        L l = new L("Sản lượng lương thực có hạt", "tấn", "FLOW", "HIGHER_IS_BETTER", "OFFICIAL", "2123", "2123", null,
                null, null, null, null, "PERCENT", 0, "NO_TARGET");
        assertThat(NarrativeWriter.sentence(l.line(true, List.of(new UnitRef("C-DUONGQUANG", null))),
                Period.tryParse("2017-10").orElseThrow(), NAMES))
                .endsWith("(số liệu tổng hợp chưa đủ, còn thiếu báo cáo của Xã Dương Quang)");
    }

    @Test
    void theWriteUpHasNoDoubledWordsNoZeroCountsUnitNamesAndTheUnitsOwnWordsUnderTheirSection() {
        IndicatorLine forest = new L("Diện tích rừng trồng mới", "ha", "FLOW", "HIGHER_IS_BETTER", "OFFICIAL", "20", "20",
                "100", "PLAN", "20", "50", null, "PERCENT", 1, "BEHIND").line();
        BriefingPack pack = new BriefingPack(UUID.randomUUID(), "2017-10", "tháng 10/2017", OffsetDateTime.now(), true,
                OffsetDateTime.now(), List.of(forest),
                List.of(new BriefingPack.UnitTasks("FIN", "Phòng Tài chính – Kế hoạch", 2, 0, 0, 3, List.of())),
                new BriefingPack.TaskTotals(2, 0, 0, 3), List.of(), null);
        Directive d = new Directive(UUID.randomUUID(), "Trung tâm hành chính công",
                "Hoàn thành việc xây dựng trung tâm dịch vụ hành chính công.", "FIN", List.of("W-SONGCAU"),
                LocalDate.of(2017, 11, 30), false, Directive.Priority.HIGH, List.of());
        MeetingFacts facts = new MeetingFacts(pack.meetingId(), null, Period.tryParse("2017-10").orElseThrow(),
                OffsetDateTime.parse("2017-10-31T14:00:00+07:00"), "Lèng Văn Chiến – Chủ tịch UBND thị xã",
                "UBND thị xã Bắc Kạn", List.of(new ItemForOpinion("URB", "Dự thảo quy chế quản lý đô thị", "APPROVED")),
                "Tập trung chỉ đạo phát triển thương mại dịch vụ", List.of(d),
                List.of(new UnitWords("URB", ReportSection.ECONOMY,
                                "Trật tự xây dựng, trật tự đô thị có nhiều chuyển biến tích cực"),
                        new UnitWords("W-SONGCAU", ReportSection.DEFENCE_SECURITY,
                                "An ninh trật tự, an toàn xã hội trên địa bàn được đảm bảo.")), NAMES);
        Narrative n = NarrativeWriter.write(facts, pack);
        assertThat(n.text())
                .startsWith("Chiều ngày 31/10, dưới sự chủ trì của đồng chí Lèng Văn Chiến – Chủ tịch UBND thị xã, "
                        + "UBND thị xã Bắc Kạn tổ chức phiên họp giao ban thường kỳ")
                .contains("Tại buổi giao ban, Phòng Quản lý đô thị xin ý kiến thành viên UBND về dự thảo quy chế quản lý đô thị. "
                        + "Các thành viên dự họp đã thảo luận, xem xét nhất trí thông qua.")
                .contains("Diện tích rừng trồng mới đạt 20% KH, thấp hơn tiến độ yêu cầu (50%)")
                .doesNotContain("mới mới")
                .contains("hoàn thành đúng hạn 2 nhiệm vụ, 3 nhiệm vụ đang thực hiện.")
                .doesNotContain(" 0 nhiệm vụ")
                .contains("Hoàn thành việc xây dựng trung tâm dịch vụ hành chính công (chủ trì: Phòng Tài chính – Kế hoạch; "
                        + "phối hợp: Phường Sông Cầu; thời hạn: 30/11/2017)./.")
                .doesNotContain("FIN").doesNotContain("W-SONGCAU");
        Narrative.Part economy = n.parts().stream().filter(p -> "ECONOMY".equals(p.section())).findFirst().orElseThrow();
        assertThat(economy.paragraphs().get(0)).startsWith("Trong tháng 10/2017, diện tích rừng trồng mới tháng 10 đạt 20 ha")
                .endsWith("Trật tự xây dựng, trật tự đô thị có nhiều chuyển biến tích cực.");
        Narrative.Part defence = n.parts().stream().filter(p -> "DEFENCE_SECURITY".equals(p.section())).findFirst().orElseThrow();
        assertThat(defence.paragraphs()).containsExactly("An ninh trật tự, an toàn xã hội trên địa bàn được đảm bảo.");
        assertThat(NarrativeWriter.clean("Diện tích rừng trồng mới mới đạt 20%")).isEqualTo("Diện tích rừng trồng mới đạt 20%");
    }

    @Test
    void htmlIsEscapedUtf8AndVietnamese() {
        Narrative n = Narrative.of(UUID.randomUUID(), "2017-10", "Báo cáo <tháng 10> & \"dự thảo\"",
                List.of(new Narrative.Part(Narrative.PartKind.RESULTS, null, null,
                        List.of("Chỉ tiêu <script>alert('x')</script>"))), List.of(), true, OffsetDateTime.now());
        String html = NarrativeHtml.render(n);
        assertThat(html).contains("<html lang=\"vi\">").contains("<meta charset=\"UTF-8\">")
                .contains("Báo cáo &lt;tháng 10&gt; &amp; &quot;dự thảo&quot;")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .doesNotContain("<script>");
    }
}
