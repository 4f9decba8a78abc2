package vn.city.meeting.narrative;

import vn.city.meeting.conclusion.Directive;
import vn.city.common.period.Period;
import vn.city.common.period.PeriodKind;
import vn.city.meeting.narrative.Narrative.Part;
import vn.city.meeting.narrative.Narrative.PartKind;
import vn.city.meeting.narrative.Narrative.Sentence;
import vn.city.meeting.pack.BriefingPack;
import vn.city.meeting.pack.BriefingPack.IndicatorLine;
import vn.city.meeting.pack.BriefingPack.UnitRef;
import vn.city.meeting.report.ReportSection;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static vn.city.meeting.narrative.VietnameseNumberFormat.format;

/**
 * Writes a meeting up the way the city's news items do (seeds 000–004): who chaired and what was reviewed, the items
 * put for opinion, the period's results by section — the indicators by their nature, then the units' own words —,
 * what is behind, the tasks, and the chair's conclusion with the key tasks. Pure: the caller gathers the facts.
 * <ul>
 *   <li>a flow: "… tháng 6 ước đạt X, lũy kế 6 tháng đầu năm đạt Y, đạt Z% KH và tăng W% so cùng kỳ"; no "lũy kế"
 *       when it would repeat the value (January, a half year, a year);</li>
 *   <li>a level: its value, its change in its own unit, in percentage points or in % as the indicator declares;
 *       lower-is-better phrased as the texts do ("tỷ lệ hộ nghèo giảm còn 2,88%, đạt chỉ tiêu");</li>
 *   <li>values rounded to the indicator's decimals, percentages to two; unit names, never codes; nothing said about
 *       what is zero; a partial city total says which units are missing; no word doubled.</li>
 * </ul>
 */
public final class NarrativeWriter {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int DEFAULT_DECIMALS = 2;
    /** The order of the results inside the economy, as the texts tell them. */
    private static final List<String> CATEGORY_ORDER = List.of("tài chính", "thương mại", "công nghiệp", "nông nghiệp",
            "lâm nghiệp", "nông thôn mới", "cơ cấu kinh tế", "tổng hợp", "lao động", "an sinh", "văn hóa", "giáo dục",
            "y tế", "quốc phòng", "an ninh", "đảng");
    private static final Pattern DOUBLED = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])([\\p{L}]+)(\\s+\\1)+(?![\\p{L}\\p{N}])");

    private NarrativeWriter() {
    }

    /** An item put to the meeting for opinion (xin ý kiến), by its presenting unit. */
    public record ItemForOpinion(String presentingUnit, String title, String outcome) {
    }

    /** A unit's own words for one section of the period. */
    public record UnitWords(String unitCode, ReportSection section, String text) {
    }

    /** Everything about the meeting the write-up needs besides the pack. */
    public record MeetingFacts(UUID meetingId, String title, Period period, OffsetDateTime startsAt, String chair,
                               String cityName, List<ItemForOpinion> itemsForOpinion, String conclusionText,
                               List<Directive> directives, List<UnitWords> reports, Map<String, String> unitNames) {
    }

    public static Narrative write(MeetingFacts m, BriefingPack pack) {
        Period period = m.period();
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(PartKind.OPENING, null, null, List.of(clean(opening(m)))));

        String items = itemsForOpinion(m);
        if (items != null) {
            parts.add(new Part(PartKind.ITEMS_FOR_OPINION, null, null, List.of(clean(items))));
        }

        List<Sentence> sentences = new ArrayList<>();
        Map<ReportSection, List<IndicatorLine>> bySection = new EnumMap<>(ReportSection.class);
        pack.indicators().stream()
                .filter(IndicatorLine::cityFigure)
                .sorted(Comparator.comparingInt((IndicatorLine l) -> categoryRank(l.category()))
                        .thenComparing(IndicatorLine::indicatorCode))
                .forEach(l -> bySection.computeIfAbsent(ReportSection.ofCategory(l.category()), k -> new ArrayList<>()).add(l));
        Map<ReportSection, List<UnitWords>> words = new EnumMap<>(ReportSection.class);
        (m.reports() == null ? List.<UnitWords>of() : m.reports())
                .forEach(r -> words.computeIfAbsent(r.section(), k -> new ArrayList<>()).add(r));
        boolean first = true;
        for (ReportSection section : ReportSection.values()) {
            List<IndicatorLine> lines = bySection.getOrDefault(section, List.of());
            List<UnitWords> said = words.getOrDefault(section, List.of());
            if (lines.isEmpty() && said.isEmpty()) {
                continue;
            }
            List<String> texts = new ArrayList<>();
            for (IndicatorLine l : lines) {
                String s = clean(sentence(l, period, m.unitNames()));
                sentences.add(new Sentence(l.indicatorCode(), s));
                texts.add(s);
            }
            said.forEach(w -> texts.add(sentenceCase(stripEnd(w.text().strip()))));
            String body = String.join(". ", texts) + ".";
            if (first) {
                body = "Trong " + period.label() + ", " + lowerFirst(body);
                first = false;
            }
            parts.add(new Part(PartKind.RESULTS, section.name(), heading(section), List.of(clean(body))));
        }
        if (first) {
            parts.add(new Part(PartKind.RESULTS, null, null, List.of("Chưa có số liệu chỉ tiêu của " + period.label() + ".")));
        }

        List<String> behind = pack.indicators().stream().filter(IndicatorLine::offTrack)
                .map(l -> behind(l, m.unitNames())).toList();
        if (!behind.isEmpty()) {
            parts.add(new Part(PartKind.BEHIND, null, null,
                    List.of(clean("Một số chỉ tiêu chưa đạt tiến độ: " + String.join("; ", behind) + "."))));
        }

        List<String> taskParagraphs = new ArrayList<>();
        String tasks = tasks(pack, m.unitNames());
        if (tasks != null) {
            taskParagraphs.add(clean(tasks));
        }
        if (pack.carryOver() != null && !pack.carryOver().isEmpty()) {
            taskParagraphs.add(clean("Nhiệm vụ chưa hoàn thành của các kết luận trước: " + String.join("; ",
                    pack.carryOver().stream().map(c -> stripEnd(c.title()) + " (" + unitName(c.leadUnit(), m.unitNames())
                            + ")").toList()) + "."));
        }
        if (!taskParagraphs.isEmpty()) {
            parts.add(new Part(PartKind.TASKS, null, null, taskParagraphs));
        }

        String conclusion = conclusion(m);
        if (conclusion != null) {
            parts.add(new Part(PartKind.CONCLUSION, null, null, List.of(clean(conclusion))));
        }
        String title = m.title() != null && !m.title().isBlank() ? m.title()
                : (m.cityName() == null ? "UBND thành phố" : m.cityName()) + " họp giao ban " + period.next().label();
        return Narrative.of(m.meetingId(), period.toString(), title, parts, sentences, pack.frozen(), pack.asOf());
    }

    static String opening(MeetingFacts m) {
        Period p = m.period();
        StringBuilder s = new StringBuilder();
        if (m.startsAt() != null) {
            var local = m.startsAt().atZoneSameInstant(VIETNAM);
            s.append(local.getHour() < 12 ? "Sáng" : "Chiều").append(" ngày ").append(local.getDayOfMonth()).append('/')
                    .append(local.getMonthValue()).append(", ");
        }
        if (m.chair() != null && !m.chair().isBlank()) {
            s.append("dưới sự chủ trì của đồng chí ").append(m.chair().strip()).append(", ");
        }
        s.append(m.cityName() == null ? "UBND thành phố" : m.cityName())
                .append(" tổ chức phiên họp giao ban thường kỳ để đánh giá tình hình phát triển kinh tế – xã hội ")
                .append(p.label()).append("; nhiệm vụ trọng tâm ").append(p.next().label()).append('.');
        return sentenceCase(s.toString());
    }

    static String itemsForOpinion(MeetingFacts m) {
        if (m.itemsForOpinion() == null || m.itemsForOpinion().isEmpty()) {
            return null;
        }
        Map<String, List<ItemForOpinion>> byUnit = new LinkedHashMap<>();
        m.itemsForOpinion().forEach(i -> byUnit.computeIfAbsent(i.presentingUnit() == null ? "" : i.presentingUnit(),
                k -> new ArrayList<>()).add(i));
        List<String> asks = new ArrayList<>();
        byUnit.forEach((unit, items) -> asks.add((unit.isEmpty() ? "Văn phòng" : unitName(unit, m.unitNames()))
                + " xin ý kiến thành viên UBND về " + String.join("; ", items.stream()
                .map(i -> lowerFirst(stripEnd(i.title()))).toList())));
        StringBuilder s = new StringBuilder("Tại buổi giao ban, ").append(String.join("; ", asks)).append('.');
        boolean allApproved = m.itemsForOpinion().stream()
                .allMatch(i -> "APPROVED".equals(i.outcome()) || "APPROVED_WITH_CHANGES".equals(i.outcome()));
        if (allApproved) {
            s.append(" Các thành viên dự họp đã thảo luận, xem xét nhất trí thông qua.");
        }
        return s.toString();
    }

    static String conclusion(MeetingFacts m) {
        boolean hasText = m.conclusionText() != null && !m.conclusionText().isBlank();
        boolean hasDirectives = m.directives() != null && !m.directives().isEmpty();
        if (!hasText && !hasDirectives) {
            return null;
        }
        StringBuilder s = new StringBuilder("Trên cơ sở các ý kiến thảo luận, phát biểu kết luận, ");
        s.append(m.chair() == null || m.chair().isBlank() ? "chủ trì hội nghị" : "đồng chí " + m.chair().strip())
                .append(" nhấn mạnh một số nội dung, cụ thể: ");
        List<String> said = new ArrayList<>();
        if (hasText) {
            said.add(stripEnd(m.conclusionText().strip()));
        }
        if (hasDirectives) {
            m.directives().forEach(d -> said.add(directive(d, m.unitNames())));
        }
        return s.append(String.join(". ", said)).append("./.").toString();
    }

    /** One indicator in the words of the texts, by its nature. */
    public static String sentence(IndicatorLine l, Period period, Map<String, String> unitNames) {
        String name = l.indicatorName() == null ? l.indicatorCode() : l.indicatorName();
        String nature = l.nature() == null ? "FLOW" : l.nature();
        StringBuilder s = new StringBuilder(name);
        switch (nature) {
            case "LEVEL" -> level(s, l, period);
            case "PROGRESS" -> {
                s.append(" đạt ").append(format(l.value(), DEFAULT_DECIMALS)).append('%');
                if (l.attainmentPercent() != null && l.target() != null) {
                    s.append(", đạt ").append(format(l.attainmentPercent(), 2)).append("% ").append(targetWord(l));
                }
            }
            default -> flow(s, l, period);
        }
        if (l.partial() && l.missingUnits() != null && !l.missingUnits().isEmpty()) {
            s.append(" (số liệu tổng hợp chưa đủ, còn thiếu báo cáo của ").append(String.join(", ",
                    l.missingUnits().stream().map(u -> unitName(u, unitNames)).toList())).append(')');
        }
        return clean(s.toString());
    }

    private static void flow(StringBuilder s, IndicatorLine l, Period period) {
        boolean estimate = "ESTIMATE".equals(l.version());
        String verb = estimate ? " ước đạt " : " đạt ";
        boolean repeats = l.yearToDate() == null || period.kind() == PeriodKind.YEAR
                || (period.kind() == PeriodKind.HALF_YEAR && period.index() == 1)
                || (period.kind() == PeriodKind.QUARTER && period.index() == 1)
                || (period.kind() == PeriodKind.MONTH && period.index() == 1)
                || (l.value() != null && l.yearToDate().compareTo(l.value()) == 0);
        if (l.value() != null) {
            s.append(' ').append(periodWords(period)).append(verb).append(amount(l.value(), l));
        }
        if (!repeats) {
            s.append(", lũy kế ").append(period.kind() == PeriodKind.MONTH
                            ? period.index() + " tháng đầu năm" : "từ đầu năm")
                    .append(verb).append(amount(l.yearToDate(), l));
        } else if (l.value() == null && l.yearToDate() != null) {
            s.append(' ').append(periodWords(period)).append(verb).append(amount(l.yearToDate(), l));
        }
        boolean attained = l.attainmentPercent() != null && l.target() != null;
        if (attained) {
            s.append(", đạt ").append(format(l.attainmentPercent(), 2)).append("% ").append(targetWord(l));
        }
        String change = change(l, period);
        if (change != null) {
            s.append(attained ? " và " : ", ").append(change);
        }
    }

    private static void level(StringBuilder s, IndicatorLine l, Period period) {
        boolean lowerIsBetter = "LOWER_IS_BETTER".equals(l.direction());
        int sign = l.change() == null ? 0 : l.change().signum();
        String change = change(l, period);
        if (lowerIsBetter && sign != 0) {
            // "Tỷ lệ hộ nghèo giảm còn 2,88% (giảm 0,32 điểm phần trăm so với năm 2015), đạt chỉ tiêu"
            s.append(sign < 0 ? " giảm còn " : " tăng lên ").append(amount(l.value(), l)).append(" (").append(change)
                    .append(')');
        } else {
            s.append(" đạt ").append(amount(l.value(), l));
            if (change != null) {
                s.append(", ").append(change);
            }
        }
        if (l.target() != null && l.value() != null) {
            boolean met = lowerIsBetter ? l.value().compareTo(l.target()) <= 0 : l.value().compareTo(l.target()) >= 0;
            if (lowerIsBetter || met) {
                s.append(met ? ", đạt chỉ tiêu" : ", chưa đạt chỉ tiêu " + amount(l.target(), l));
            } else if (l.attainmentPercent() != null) {
                s.append(", bằng ").append(format(l.attainmentPercent(), 2)).append("% ").append(targetWord(l));
            }
        }
    }

    /** "tăng 4,85% so cùng kỳ", "tăng 2 tạ/ha so cùng kỳ", "giảm 0,32 điểm phần trăm so với năm 2015"; null for none. */
    static String change(IndicatorLine l, Period period) {
        if (l.change() == null || l.change().signum() == 0) {
            return null;
        }
        String kind = l.changeKind() == null ? ("FLOW".equals(l.nature()) ? "PERCENT" : "UNITS") : l.changeKind();
        String size = switch (kind) {
            case "POINTS" -> format(l.change().abs(), 2) + " điểm phần trăm";
            case "UNITS" -> amount(l.change().abs(), l);
            default -> format(l.change().abs(), 2) + "%";
        };
        return (l.change().signum() > 0 ? "tăng " : "giảm ") + size
                + (period.kind() == PeriodKind.YEAR ? " so với năm " + (period.year() - 1) : " so cùng kỳ");
    }

    private static String periodWords(Period p) {
        return switch (p.kind()) {
            case MONTH -> "tháng " + p.index();
            case QUARTER -> "quý " + p.index();
            case HALF_YEAR -> p.index() == 1 ? "6 tháng đầu năm" : "6 tháng cuối năm";
            case YEAR -> "cả năm";
        };
    }

    /** A resolution's target is "nghị quyết", a plan's is "KH". */
    static String targetWord(IndicatorLine l) {
        return "RESOLUTION".equals(l.targetKind()) ? "nghị quyết" : "KH";
    }

    /** The value rounded as the indicator declares, with its measure unit ("1.739,5 tỷ đồng", "2,88%"). */
    static String amount(BigDecimal value, IndicatorLine l) {
        int decimals = l.decimals() == null ? DEFAULT_DECIMALS : l.decimals();
        String n = format(value, decimals);
        String unit = l.measureUnit() == null ? "" : l.measureUnit().strip();
        if (unit.isEmpty()) {
            return n;
        }
        return "%".equals(unit) ? n + "%" : n + " " + unit;
    }

    private static String behind(IndicatorLine l, Map<String, String> unitNames) {
        String name = l.indicatorName() == null ? l.indicatorCode() : l.indicatorName();
        if ("LOWER_IS_BETTER".equals(l.direction())) {
            return name + " " + amount(l.value(), l) + (l.target() == null ? "" : ", chưa đạt chỉ tiêu " + amount(l.target(), l));
        }
        if (l.attainmentPercent() != null && l.expectedPercent() != null) {
            return name + " đạt " + format(l.attainmentPercent(), 2) + "% " + targetWord(l)
                    + ", thấp hơn tiến độ yêu cầu (" + format(l.expectedPercent(), 2) + "%)";
        }
        return name;
    }

    private static String tasks(BriefingPack pack, Map<String, String> unitNames) {
        BriefingPack.TaskTotals t = pack.totals();
        if (t == null) {
            return null;
        }
        List<String> said = new ArrayList<>();
        if (t.doneOnTime() > 0) {
            said.add("hoàn thành đúng hạn " + t.doneOnTime() + " nhiệm vụ");
        }
        if (t.doneLate() > 0) {
            said.add("hoàn thành chậm " + t.doneLate() + " nhiệm vụ");
        }
        if (t.inProgress() > 0) {
            said.add(t.inProgress() + " nhiệm vụ đang thực hiện");
        }
        if (t.overdue() > 0) {
            List<String> late = pack.units().stream().filter(u -> u.overdue() > 0)
                    .map(u -> (u.unitName() != null ? u.unitName() : unitName(u.unitCode(), unitNames)) + ": " + u.overdue())
                    .toList();
            said.add(t.overdue() + " nhiệm vụ quá hạn" + (late.isEmpty() ? "" : " (" + String.join("; ", late) + ")"));
        }
        return said.isEmpty() ? null : "Về thực hiện nhiệm vụ được giao: " + String.join(", ", said) + ".";
    }

    private static String directive(Directive d, Map<String, String> unitNames) {
        StringBuilder s = new StringBuilder(stripEnd(d.content().strip()));
        s.append(" (chủ trì: ").append(unitName(d.leadUnit(), unitNames));
        if (d.coordinatingUnits() != null && !d.coordinatingUnits().isEmpty()) {
            s.append("; phối hợp: ").append(String.join(", ",
                    d.coordinatingUnits().stream().map(u -> unitName(u, unitNames)).toList()));
        }
        s.append("; thời hạn: ").append(d.ongoing() || d.deadline() == null ? "thường xuyên" : DATE.format(d.deadline()))
                .append(')');
        return s.toString();
    }

    private static String heading(ReportSection section) {
        return switch (section) {
            case ECONOMY -> "Kinh tế";
            case CULTURE_SOCIETY -> "Văn hóa – xã hội";
            case DEFENCE_SECURITY -> "Quốc phòng – an ninh";
            case PARTY_GOVERNMENT -> "Xây dựng Đảng, chính quyền";
        };
    }

    static String unitName(String code, Map<String, String> names) {
        if (code == null) {
            return "";
        }
        String name = names == null ? null : names.get(code);
        return name == null ? code : name;
    }

    private static String unitName(UnitRef u, Map<String, String> names) {
        return u.name() != null ? u.name() : unitName(u.code(), names);
    }

    private static int categoryRank(String category) {
        if (category == null) {
            return CATEGORY_ORDER.size();
        }
        String c = category.toLowerCase(Locale.ROOT);
        for (int i = 0; i < CATEGORY_ORDER.size(); i++) {
            if (c.contains(CATEGORY_ORDER.get(i))) {
                return i;
            }
        }
        return CATEGORY_ORDER.size();
    }

    /** Removes a word said twice in a row ("mới mới" → "mới"), which joining phrases can produce. */
    static String clean(String text) {
        Matcher m = DOUBLED.matcher(text);
        return m.replaceAll("$1").replaceAll(" {2,}", " ").replace(" ,", ",").replace(" .", ".");
    }

    private static String stripEnd(String s) {
        String t = s == null ? "" : s.strip();
        while (t.endsWith(".") || t.endsWith(";")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    private static String lowerFirst(String s) {
        if (s.isEmpty() || s.length() > 1 && Character.isUpperCase(s.charAt(1))) {
            return s; // an abbreviation (UBND, OCOP) keeps its case
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String sentenceCase(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
