package vn.city.meeting.document;

import vn.city.meeting.conclusion.Directive;
import vn.city.meeting.meeting.ItemOutcome;
import vn.city.meeting.meeting.MeetingType;
import vn.city.common.period.Period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes the conclusion notice of a meeting from what the meeting recorded: the items put for opinion and their
 * outcome, the chair's conclusion and the directives grouped by lead unit with their deadlines. Units appear by name.
 */
public final class NoticeComposer {

    /** Who issues and signs, and where: the city's letterhead. */
    public record Letterhead(List<String> issuerLines, String issuerName, String issuerSymbol, String place,
                             String signatureAuthority, String signaturePosition, String archive) {
    }

    public record MeetingFacts(MeetingType type, String title, Period period, LocalDate heldOn, String place,
                               String chair, List<String> attendeeUnits) {
    }

    public record DecidedItem(String title, String presentingUnit, ItemOutcome outcome, String note) {
    }

    /** The document a corrected conclusion's notice replaces. */
    public record Replaced(String numberAndSymbol, LocalDate signedOn) {
    }

    private NoticeComposer() {
    }

    /**
     * @param number   the register number, or null for the draft
     * @param signedOn the document's date, or null for the draft
     */
    public static ConclusionNotice compose(Letterhead letterhead, MeetingFacts meeting, List<DecidedItem> items,
                                           String conclusionText, List<Directive> directives,
                                           Function<String, String> unitName, DocumentNumber number,
                                           LocalDate signedOn, Replaced replaces) {
        boolean draft = number == null;
        Chair chair = Chair.parse(meeting.chair());
        String occasion = occasion(meeting);
        String subject = "Kết luận của " + chair.reference() + " tại " + occasion;

        List<String> opening = new ArrayList<>();
        StringBuilder first = new StringBuilder("Ngày ").append(VietnameseDate.shortForm(meeting.heldOn()));
        if (meeting.place() != null && !meeting.place().isBlank()) {
            first.append(", tại ").append(meeting.place().strip());
        }
        first.append(", ").append(chair.reference()).append(" chủ trì ").append(occasion);
        if (meeting.type().isBriefing()) {
            first.append(" đánh giá tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội ")
                    .append(meeting.period().label()).append(", triển khai nhiệm vụ trọng tâm ")
                    .append(meeting.period().next().label());
        }
        first.append('.');
        if (!meeting.attendeeUnits().isEmpty()) {
            first.append(" Tham dự cuộc họp có đại diện lãnh đạo: ")
                    .append(meeting.attendeeUnits().stream().map(unitName).collect(Collectors.joining(", ")))
                    .append('.');
        }
        opening.add(first.toString());
        opening.add("Sau khi nghe các cơ quan, đơn vị báo cáo và ý kiến thảo luận của các thành viên dự họp, "
                + chair.reference() + " kết luận như sau:");

        List<ConclusionNotice.Section> sections = new ArrayList<>();
        List<String> decided = items.stream().filter(i -> i.outcome() != null).map(i -> itemLine(i, unitName)).toList();
        if (!decided.isEmpty()) {
            sections.add(new ConclusionNotice.Section(sections.size() + 1 + ". Về các nội dung xin ý kiến",
                    List.of(new ConclusionNotice.Group(null, decided))));
        }
        List<String> text = conclusionText == null ? List.of() : conclusionText.lines().map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
        if (!text.isEmpty()) {
            sections.add(new ConclusionNotice.Section(sections.size() + 1 + ". Kết luận chung",
                    List.of(new ConclusionNotice.Group(null, text))));
        }
        if (!directives.isEmpty()) {
            int n = sections.size() + 1;
            Map<String, List<Directive>> byLead = new LinkedHashMap<>();
            directives.forEach(d -> byLead.computeIfAbsent(d.leadUnit(), k -> new ArrayList<>()).add(d));
            List<ConclusionNotice.Group> groups = new ArrayList<>();
            int g = 0;
            for (Map.Entry<String, List<Directive>> e : byLead.entrySet()) {
                groups.add(new ConclusionNotice.Group(n + "." + (++g) + ". " + unitName.apply(e.getKey()),
                        e.getValue().stream().map(d -> directiveLine(d, unitName)).toList()));
            }
            String heading = meeting.type().isBriefing()
                    ? n + ". Nhiệm vụ trọng tâm " + meeting.period().next().label()
                    : n + ". Giao nhiệm vụ";
            sections.add(new ConclusionNotice.Section(heading, groups));
        }

        String closing = letterhead.issuerName() + " thông báo để các cơ quan, đơn vị biết, thực hiện./.";
        String replacesText = replaces == null ? null : "Thông báo này thay thế Thông báo số " + replaces.numberAndSymbol()
                + " ngày " + VietnameseDate.shortForm(replaces.signedOn()) + " của " + letterhead.issuerName() + ".";

        // A draft is signed after the meeting: its date line carries the meeting's year, day and month left blank.
        int year = signedOn != null ? signedOn.getYear() : meeting.heldOn().getYear();
        return new ConclusionNotice(draft, letterhead.issuerLines(),
                draft ? "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/" + DocumentType.TB.name() + "-" + letterhead.issuerSymbol()
                        : number.display(),
                draft ? VietnameseDate.placeAndBlankDate(letterhead.place(), year)
                        : VietnameseDate.placeAndDate(letterhead.place(), signedOn),
                "THÔNG BÁO", subject, replacesText, opening, sections, closing,
                recipients(directives, unitName, letterhead.archive()),
                letterhead.signatureAuthority(), letterhead.signaturePosition(), chair.name());
    }

    /** "cuộc họp giao ban tháng 6/2022", "hội nghị sơ kết 6 tháng đầu năm 2022", or the meeting's own title. */
    static String occasion(MeetingFacts m) {
        return switch (m.type()) {
            case MONTHLY_BRIEFING, QUARTERLY_REVIEW -> "cuộc họp giao ban " + m.period().label();
            case HALF_YEAR_REVIEW -> "hội nghị sơ kết " + m.period().label();
            case ANNUAL_REVIEW -> "hội nghị tổng kết " + m.period().label();
            case PARTY_COMMITTEE, THEMATIC -> lowerFirst(m.title());
        };
    }

    private static String itemLine(DecidedItem i, Function<String, String> unitName) {
        StringBuilder sb = new StringBuilder("- ").append(stripEnd(i.title()));
        if (i.presentingUnit() != null) {
            sb.append(" (").append(unitName.apply(i.presentingUnit())).append(" trình)");
        }
        sb.append(": ").append(switch (i.outcome()) {
            case APPROVED -> "nhất trí thông qua";
            case APPROVED_WITH_CHANGES -> "nhất trí thông qua, có chỉnh sửa";
            case REJECTED -> "không thông qua";
            case DEFERRED -> "chưa thông qua, lùi thời gian xem xét";
        });
        if (i.note() != null && !i.note().isBlank()) {
            sb.append(". ").append(stripEnd(i.note()));
        }
        return sb.append('.').toString();
    }

    private static String directiveLine(Directive d, Function<String, String> unitName) {
        StringBuilder sb = new StringBuilder("- ");
        if (ownTitle(d)) {
            sb.append(stripEnd(d.title())).append(": ");
        }
        sb.append(stripEnd(d.content())).append('.');
        List<String> coordinating = d.coordinatingUnits() == null ? List.of() : d.coordinatingUnits();
        if (!coordinating.isEmpty()) {
            sb.append(" Đơn vị phối hợp: ").append(coordinating.stream().map(unitName).collect(Collectors.joining(", ")))
                    .append('.');
        }
        sb.append(" Thời hạn: ").append(d.deadline() != null ? VietnameseDate.shortForm(d.deadline()) : "thường xuyên")
                .append('.');
        return sb.toString();
    }

    /** A title written for the directive, not the one the rules cut from its content ("Chủ trì, phối hợp …"). */
    private static boolean ownTitle(Directive d) {
        if (d.title() == null || d.title().isBlank()) {
            return false;
        }
        String t = d.title().strip();
        String cut = t.endsWith("…") ? t.substring(0, t.length() - 1).stripTrailing() : t;
        return !d.content().strip().startsWith(cut);
    }

    /** The lead units, then the coordinating units not already named, then the archive line. */
    private static List<String> recipients(List<Directive> directives, Function<String, String> unitName,
                                           String archive) {
        Set<String> units = new LinkedHashSet<>();
        directives.forEach(d -> units.add(d.leadUnit()));
        directives.forEach(d -> {
            if (d.coordinatingUnits() != null) {
                units.addAll(d.coordinatingUnits());
            }
        });
        List<String> lines = new ArrayList<>();
        units.forEach(u -> lines.add("- " + unitName.apply(u) + ";"));
        lines.add("- " + archive);
        return lines;
    }

    private static String stripEnd(String s) {
        String t = s.strip();
        while (!t.isEmpty() && (t.endsWith(".") || t.endsWith(";") || t.endsWith(","))) {
            t = t.substring(0, t.length() - 1).stripTrailing();
        }
        return t;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** The chair as the meeting records it: "Dương Hữu Bường – Chủ tịch UBND thành phố". */
    record Chair(String name, String position) {

        static Chair parse(String chair) {
            String c = chair == null ? "" : chair.strip();
            for (String sep : new String[]{" – ", " - ", ", "}) {
                int i = c.indexOf(sep);
                if (i > 0) {
                    return new Chair(c.substring(0, i).strip(), c.substring(i + sep.length()).strip());
                }
            }
            return new Chair(c, null);
        }

        /** "đồng chí Dương Hữu Bường, Chủ tịch UBND thành phố". */
        String reference() {
            return "đồng chí " + name + (position == null || position.isEmpty() ? "" : ", " + position);
        }
    }
}
