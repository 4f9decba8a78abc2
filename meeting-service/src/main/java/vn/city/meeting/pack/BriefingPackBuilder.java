package vn.city.meeting.pack;

import com.fasterxml.jackson.databind.JsonNode;
import vn.city.common.period.Period;
import vn.city.meeting.pack.BriefingPack.CarryOver;
import vn.city.meeting.pack.BriefingPack.IndicatorLine;
import vn.city.meeting.pack.BriefingPack.TaskLine;
import vn.city.meeting.pack.BriefingPack.TaskState;
import vn.city.meeting.pack.BriefingPack.TaskTotals;
import vn.city.meeting.pack.BriefingPack.UnitTasks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds a briefing pack from read-model facts as known at an instant. Pure: the caller loads the facts.
 * Per indicator the newest submission known at that instant is shown (its city total when the producer sent one).
 */
public final class BriefingPackBuilder {

    private BriefingPackBuilder() {
    }

    /** A figure submission as received: the line to show is the JSON RESULT (cityResult when present). */
    public record Figure(String submissionId, String indicatorCode, String indicatorName, String measureUnit,
                         String nature, String direction, String unitCode, String version, BigDecimal value,
                         OffsetDateTime submittedAt, OffsetDateTime receivedAt, JsonNode result) {
    }

    public record Task(UUID taskId, String title, String leadUnit, String status, LocalDate deadline, boolean ongoing,
                       boolean overdue, OffsetDateTime completedAt, Boolean completedOnTime, UUID sourceMeetingId) {
    }

    public record Facts(List<Figure> figures, Map<String, String> targetKinds, Set<String> offTrackIndicators,
                        List<Task> periodTasks, Map<String, String> unitNames, List<CarryOver> carryOver) {
    }

    public static BriefingPack build(UUID meetingId, Period period, OffsetDateTime asOf, Facts facts) {
        List<IndicatorLine> indicators = indicators(facts, asOf);
        LocalDate today = asOf.toLocalDate();
        Map<String, List<TaskLine>> byUnit = new TreeMap<>();
        for (Task t : facts.periodTasks()) {
            TaskLine line = new TaskLine(t.taskId(), t.title(), t.leadUnit(), t.status(), state(t, today),
                    t.deadline(), t.ongoing(), t.completedAt(), t.sourceMeetingId());
            byUnit.computeIfAbsent(t.leadUnit() == null ? "" : t.leadUnit(), k -> new ArrayList<>()).add(line);
        }
        List<UnitTasks> units = new ArrayList<>();
        int[] totals = new int[4];
        byUnit.forEach((unit, lines) -> {
            lines.sort(Comparator.comparing((TaskLine l) -> l.state().ordinal()).thenComparing(l -> l.taskId()));
            int onTime = count(lines, TaskState.DONE_ON_TIME);
            int late = count(lines, TaskState.DONE_LATE);
            int overdue = count(lines, TaskState.OVERDUE);
            int inProgress = count(lines, TaskState.IN_PROGRESS);
            totals[0] += onTime;
            totals[1] += late;
            totals[2] += overdue;
            totals[3] += inProgress;
            units.add(new UnitTasks(unit, facts.unitNames().get(unit), onTime, late, overdue, inProgress, List.copyOf(lines)));
        });
        return new BriefingPack(meetingId, period.toString(), period.label(), asOf, false, null, indicators, units,
                new TaskTotals(totals[0], totals[1], totals[2], totals[3]), facts.carryOver());
    }

    /** Done on time, done late, overdue (deadline passed or flagged) or in progress. */
    public static TaskState state(Task t, LocalDate today) {
        if ("CANCELLED".equals(t.status())) {
            return TaskState.CANCELLED;
        }
        if ("DONE".equals(t.status())) {
            if (t.completedOnTime() != null) {
                return t.completedOnTime() ? TaskState.DONE_ON_TIME : TaskState.DONE_LATE;
            }
            boolean late = t.deadline() != null && t.completedAt() != null
                    && t.completedAt().toLocalDate().isAfter(t.deadline());
            return late ? TaskState.DONE_LATE : TaskState.DONE_ON_TIME;
        }
        if (t.overdue() || (t.deadline() != null && t.deadline().isBefore(today))) {
            return TaskState.OVERDUE;
        }
        return TaskState.IN_PROGRESS;
    }

    private static int count(List<TaskLine> lines, TaskState state) {
        return (int) lines.stream().filter(l -> l.state() == state).count();
    }

    private static List<IndicatorLine> indicators(Facts facts, OffsetDateTime asOf) {
        Map<String, Figure> latest = new LinkedHashMap<>();
        Comparator<Figure> newest = Comparator
                .comparing((Figure f) -> f.submittedAt() == null ? f.receivedAt() : f.submittedAt())
                .thenComparing(Figure::receivedAt);
        for (Figure f : facts.figures()) {
            if (f.receivedAt().isAfter(asOf)) {
                continue; // not yet known at that instant
            }
            latest.merge(f.indicatorCode(), f, (a, b) -> newest.compare(a, b) >= 0 ? a : b);
        }
        return latest.values().stream()
                .map(f -> line(f, facts.targetKinds().get(f.indicatorCode()),
                        facts.offTrackIndicators().contains(f.indicatorCode())))
                .sorted(Comparator.comparing((IndicatorLine l) -> !l.offTrack())
                        .thenComparing(IndicatorLine::indicatorCode))
                .collect(Collectors.toList());
    }

    private static IndicatorLine line(Figure f, String targetKind, boolean flagged) {
        JsonNode r = f.result();
        String status = text(r, "status");
        boolean offTrack = flagged || "BEHIND".equals(status);
        Function<String, BigDecimal> num = field -> {
            JsonNode v = r.path(field);
            return v.isNumber() ? v.decimalValue() : null;
        };
        BigDecimal value = num.apply("value") != null ? num.apply("value") : f.value();
        String unit = text(r, "unitCode") != null ? text(r, "unitCode") : f.unitCode();
        return new IndicatorLine(f.indicatorCode(), f.indicatorName(), f.measureUnit(), f.nature(), f.direction(),
                unit, f.version(), value, num.apply("yearToDate"), num.apply("target"), targetKind,
                num.apply("attainmentPercent"), num.apply("expectedPercent"), num.apply("samePeriodLastYear"),
                num.apply("change"), text(r, "changeKind"), status, offTrack, f.submissionId(), f.submittedAt());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }
}
