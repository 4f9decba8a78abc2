package vn.city.meeting.narrative;

import vn.city.meeting.conclusion.Directive;
import vn.city.common.period.Period;
import vn.city.common.period.PeriodKind;
import vn.city.meeting.pack.BriefingPack;
import vn.city.meeting.pack.BriefingPack.IndicatorLine;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static vn.city.meeting.narrative.VietnameseNumberFormat.format;

/**
 * Writes the period's report in the style of the seed texts: "Thu ngân sách ước đạt 4,15 tỷ đồng, lũy kế 84,258 tỷ
 * đồng, đạt 75,23% nghị quyết", "tăng 4,85% so cùng kỳ", "Tỷ lệ hộ nghèo 2,88%, giảm 0,32% so với năm 2015".
 */
public final class NarrativeWriter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private NarrativeWriter() {
    }

    public static Narrative write(UUID meetingId, Period period, BriefingPack pack, List<Directive> directives) {
        String title = "Báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế – xã hội " + period.label()
                + " (dự thảo)";
        List<Narrative.Sentence> sentences = new ArrayList<>();
        for (IndicatorLine line : pack.indicators()) {
            sentences.add(new Narrative.Sentence(line.indicatorCode(), sentence(line, period)));
        }
        List<String> paragraphs = new ArrayList<>();
        if (!sentences.isEmpty()) {
            paragraphs.add("Kết quả thực hiện nhiệm vụ phát triển kinh tế – văn hóa xã hội – quốc phòng an ninh "
                    + period.label() + " đạt được một số kết quả như: "
                    + String.join("; ", sentences.stream().map(Narrative.Sentence::text).toList()) + ".");
        } else {
            paragraphs.add("Chưa có số liệu chỉ tiêu của " + period.label() + ".");
        }
        List<String> behind = pack.indicators().stream().filter(IndicatorLine::offTrack)
                .map(NarrativeWriter::behind).toList();
        if (!behind.isEmpty()) {
            paragraphs.add("Một số chỉ tiêu chưa đạt tiến độ: " + String.join("; ", behind) + ".");
        }
        BriefingPack.TaskTotals t = pack.totals();
        if (t != null && t.doneOnTime() + t.doneLate() + t.overdue() + t.inProgress() > 0) {
            StringBuilder tasks = new StringBuilder("Về thực hiện nhiệm vụ được giao: hoàn thành đúng hạn ")
                    .append(t.doneOnTime()).append(" nhiệm vụ, hoàn thành chậm ").append(t.doneLate())
                    .append(" nhiệm vụ; ").append(t.inProgress()).append(" nhiệm vụ đang thực hiện, ")
                    .append(t.overdue()).append(" nhiệm vụ quá hạn");
            List<String> late = pack.units().stream().filter(u -> u.overdue() > 0)
                    .map(u -> (u.unitName() != null ? u.unitName() : u.unitCode()) + " (" + u.overdue() + ")").toList();
            if (!late.isEmpty()) {
                tasks.append(" (").append(String.join(", ", late)).append(")");
            }
            paragraphs.add(tasks.append('.').toString());
        }
        if (pack.carryOver() != null && !pack.carryOver().isEmpty()) {
            paragraphs.add("Nhiệm vụ chưa hoàn thành của các kết luận trước: " + String.join("; ",
                    pack.carryOver().stream().map(c -> c.title() + " (" + c.leadUnit() + ")").toList()) + ".");
        }
        if (directives != null && !directives.isEmpty()) {
            paragraphs.add("Nhiệm vụ trọng tâm " + period.next().label() + ": " + String.join("; ",
                    directives.stream().map(NarrativeWriter::directive).toList()) + "./.");
        }
        return new Narrative(meetingId, period.toString(), title, sentences, paragraphs, String.join("\n\n", paragraphs),
                pack.frozen(), pack.asOf());
    }

    /** One indicator in the words of the reports, by the indicator's nature. */
    public static String sentence(IndicatorLine l, Period period) {
        String name = l.indicatorName() == null ? l.indicatorCode() : l.indicatorName();
        String nature = l.nature() == null ? "FLOW" : l.nature();
        StringBuilder s = new StringBuilder(name);
        switch (nature) {
            case "LEVEL" -> {
                s.append(' ').append(amount(l.value(), l.measureUnit()));
                if (l.change() != null && l.change().signum() != 0) {
                    s.append(", ").append(l.change().signum() > 0 ? "tăng " : "giảm ")
                            .append(format(l.change().abs(), 2)).append('%')
                            .append(period.kind() == PeriodKind.YEAR ? " so với năm " + (period.year() - 1) : " so cùng kỳ");
                }
            }
            case "PROGRESS" -> {
                s.append(" đạt ").append(format(l.value(), 2)).append('%');
                if (l.attainmentPercent() != null) {
                    s.append(", đạt ").append(format(l.attainmentPercent(), 2)).append("% ").append(targetWord(l));
                }
            }
            default -> {
                s.append("ESTIMATE".equals(l.version()) ? " ước đạt " : " đạt ")
                        .append(amount(l.value(), l.measureUnit()));
                if (l.yearToDate() != null) {
                    s.append(", lũy kế ").append(amount(l.yearToDate(), l.measureUnit()));
                }
                boolean attained = l.attainmentPercent() != null;
                if (attained) {
                    s.append(", đạt ").append(format(l.attainmentPercent(), 2)).append("% ").append(targetWord(l));
                }
                if (l.change() != null && l.change().signum() != 0) {
                    s.append(attained ? " và " : ", ").append(l.change().signum() > 0 ? "tăng " : "giảm ")
                            .append(format(l.change().abs(), 2)).append(isPoints(l) ? " điểm %" : "%").append(" so cùng kỳ");
                }
            }
        }
        return s.toString();
    }

    private static boolean isPoints(IndicatorLine l) {
        return "POINTS".equals(l.changeKind()) && !"%".equals(l.measureUnit());
    }

    /** A resolution's target is "nghị quyết", a plan's is "KH". */
    static String targetWord(IndicatorLine l) {
        return "RESOLUTION".equals(l.targetKind()) ? "nghị quyết" : "KH";
    }

    static String amount(BigDecimal value, String measureUnit) {
        if (measureUnit == null || measureUnit.isBlank()) {
            return format(value);
        }
        return "%".equals(measureUnit.strip()) ? format(value) + "%" : format(value) + " " + measureUnit.strip();
    }

    private static String behind(IndicatorLine l) {
        String name = l.indicatorName() == null ? l.indicatorCode() : l.indicatorName();
        if (l.attainmentPercent() != null && l.expectedPercent() != null) {
            return name + " mới đạt " + format(l.attainmentPercent(), 2) + "% " + targetWord(l) + " (tiến độ yêu cầu "
                    + format(l.expectedPercent(), 2) + "%)";
        }
        return name;
    }

    private static String directive(Directive d) {
        StringBuilder s = new StringBuilder(d.content().strip());
        s.append(" (chủ trì: ").append(d.leadUnit());
        if (d.coordinatingUnits() != null && !d.coordinatingUnits().isEmpty()) {
            s.append("; phối hợp: ").append(String.join(", ", d.coordinatingUnits()));
        }
        s.append("; thời hạn: ").append(d.ongoing() || d.deadline() == null ? "thường xuyên" : DATE.format(d.deadline()))
                .append(')');
        return s.toString();
    }
}
