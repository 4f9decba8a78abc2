package vn.city.meeting.pack;

import vn.city.common.period.Period;
import vn.city.meeting.pack.BriefingPack.CarryOver;
import vn.city.meeting.pack.BriefingPack.IndicatorLine;
import vn.city.meeting.pack.BriefingPack.TaskLine;
import vn.city.meeting.pack.BriefingPack.TaskState;
import vn.city.meeting.pack.BriefingPack.TaskTotals;
import vn.city.meeting.pack.BriefingPack.UnitFigure;
import vn.city.meeting.pack.BriefingPack.UnitRef;
import vn.city.meeting.pack.BriefingPack.UnitTasks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Builds a briefing pack from the rows of the read model (pure: the caller reads them in one query). The city's line
 * is what indicator-service formed (city-result-changed); each unit's own result is shown beneath it and never in its
 * place. Off-track follows the current city status.
 */
public final class BriefingPackBuilder {

    private BriefingPackBuilder() {
    }

    /** The city result of an indicator for the pack's period. */
    public record CityRow(String indicatorCode, String indicatorName, String measureUnit, String nature,
                          String direction, String category, String aggregation, String changeKind, Integer decimals,
                          boolean formedFromMonths, BigDecimal value, BigDecimal yearToDate, BigDecimal target,
                          BigDecimal attainmentPercent, BigDecimal expectedPercent, BigDecimal samePeriodLastYear,
                          BigDecimal change, String status, String currentVersion, boolean partial,
                          List<String> contributingUnits, List<UnitRef> missingUnits, Long revision,
                          OffsetDateTime computedAt) {
    }

    /** The catalogue entry of an indicator on the pack, with the kind of its target of the year. */
    public record IndicatorRow(String code, String name, String measureUnit, String nature, String direction,
                               String category, String aggregation, String changeKind, Integer decimals,
                               String targetKind) {
    }

    /** A unit's own result. */
    public record UnitRow(String indicatorCode, String unitCode, String unitName, String period, String version,
                          BigDecimal value, BigDecimal yearToDate, BigDecimal target, BigDecimal attainmentPercent,
                          BigDecimal samePeriodLastYear, BigDecimal change, String status) {
    }

    public record TaskRow(UUID taskId, String title, String leadUnit, String leadUnitName, String status,
                          LocalDate deadline, boolean ongoing, boolean overdue, OffsetDateTime completedAt,
                          Boolean completedOnTime, UUID sourceMeetingId) {
    }

    public record Rows(List<IndicatorRow> indicators, List<CityRow> city, List<UnitRow> units, List<TaskRow> tasks,
                       List<CarryOver> carryOver) {
    }

    public static BriefingPack build(UUID meetingId, Period period, OffsetDateTime asOf, Rows rows, String taskScope) {
        return build(meetingId, period, asOf, indicators(period, rows), rows.tasks(), rows.carryOver(), taskScope);
    }

    /** A pack from its ready lines (in pack order) and the period's task rows. */
    public static BriefingPack build(UUID meetingId, Period period, OffsetDateTime asOf, List<IndicatorLine> lines,
                                     List<TaskRow> tasks, List<CarryOver> carryOver, String taskScope) {
        Tasks t = tasks(tasks, asOf.toLocalDate());
        return new BriefingPack(meetingId, period.toString(), period.label(), asOf, false, null, lines, t.units(),
                t.totals(), carryOver, taskScope);
    }

    /** The tasks of a pack per lead unit, each with its state on {@code today}, and their totals. */
    public record Tasks(List<UnitTasks> units, TaskTotals totals) {
    }

    public static Tasks tasks(List<TaskRow> rows, LocalDate today) {
        Map<String, List<TaskLine>> byUnit = new TreeMap<>();
        Map<String, String> unitNames = new LinkedHashMap<>();
        for (TaskRow t : rows) {
            String unit = t.leadUnit() == null ? "" : t.leadUnit();
            TaskLine line = new TaskLine(t.taskId(), t.title(), t.leadUnit(), t.status(), state(t, today),
                    t.deadline(), t.ongoing(), t.completedAt(), t.sourceMeetingId());
            byUnit.computeIfAbsent(unit, k -> new ArrayList<>()).add(line);
            if (t.leadUnitName() != null) {
                unitNames.put(unit, t.leadUnitName());
            }
        }
        List<UnitTasks> units = new ArrayList<>();
        int[] totals = new int[4];
        byUnit.forEach((unit, lines) -> {
            lines.sort(Comparator.comparing((TaskLine l) -> l.state().ordinal()).thenComparing(TaskLine::taskId));
            int onTime = count(lines, TaskState.DONE_ON_TIME);
            int late = count(lines, TaskState.DONE_LATE);
            int overdue = count(lines, TaskState.OVERDUE);
            int inProgress = count(lines, TaskState.IN_PROGRESS);
            totals[0] += onTime;
            totals[1] += late;
            totals[2] += overdue;
            totals[3] += inProgress;
            units.add(new UnitTasks(unit, unitNames.get(unit), onTime, late, overdue, inProgress, List.copyOf(lines)));
        });
        return new Tasks(units, new TaskTotals(totals[0], totals[1], totals[2], totals[3]));
    }

    /**
     * The lines of a period, in pack order (off-track first, then by code): the city's line with each unit's own
     * result beneath. {@link vn.city.meeting.pack.repository.PackLines} keeps them ready, one by one.
     */
    public static List<IndicatorLine> indicators(Period period, Rows rows) {
        Map<String, CityRow> city = new LinkedHashMap<>();
        rows.city().forEach(c -> city.put(c.indicatorCode(), c));
        Map<String, List<UnitFigure>> units = new LinkedHashMap<>();
        Map<String, String> versions = new LinkedHashMap<>();
        for (UnitRow u : rows.units()) {
            units.computeIfAbsent(u.indicatorCode(), k -> new ArrayList<>()).add(new UnitFigure(u.unitCode(),
                    u.unitName(), u.period(), u.version(), u.value(), u.yearToDate(), u.target(),
                    u.attainmentPercent(), u.samePeriodLastYear(), u.change(), u.status()));
            if (period.toString().equals(u.period()) && u.version() != null) {
                // An estimate among the figures of the period makes the city's figure an estimate ("ước đạt").
                versions.merge(u.indicatorCode(), u.version(), (a, b) -> "ESTIMATE".equals(a) ? a : b);
            }
        }
        List<IndicatorLine> out = new ArrayList<>();
        for (IndicatorRow i : rows.indicators()) {
            CityRow c = city.get(i.code());
            List<UnitFigure> beneath = new ArrayList<>(units.getOrDefault(i.code(), List.of()));
            beneath.sort(Comparator.comparing(UnitFigure::unitCode));
            if (c == null && beneath.isEmpty()) {
                continue;
            }
            String name = i.name() != null ? i.name() : c == null ? null : c.indicatorName();
            String changeKind = c != null && c.changeKind() != null ? c.changeKind() : i.changeKind();
            Integer decimals = c != null && c.decimals() != null ? c.decimals() : i.decimals();
            String aggregation = c != null && c.aggregation() != null ? c.aggregation() : i.aggregation();
            if (c == null) {
                out.add(new IndicatorLine(i.code(), name, i.measureUnit(), i.nature(), i.direction(), i.category(),
                        aggregation, changeKind, decimals, false, null, null, null, null, i.targetKind(), null, null,
                        null, null, null, false, false, List.of(), List.of(), false, null, null, List.copyOf(beneath)));
                continue;
            }
            String version = c.currentVersion() != null ? c.currentVersion() : versions.get(i.code());
            out.add(new IndicatorLine(i.code(), name, first(i.measureUnit(), c.measureUnit()),
                    first(i.nature(), c.nature()), first(i.direction(), c.direction()),
                    first(i.category(), c.category()), aggregation, changeKind, decimals, true, version, c.value(),
                    c.yearToDate(), c.target(), i.targetKind(), c.attainmentPercent(), c.expectedPercent(),
                    c.samePeriodLastYear(), c.change(), c.status(), "BEHIND".equals(c.status()), c.partial(),
                    c.missingUnits() == null ? List.of() : c.missingUnits(),
                    c.contributingUnits() == null ? List.of() : c.contributingUnits(), c.formedFromMonths(),
                    c.revision(), c.computedAt(), List.copyOf(beneath)));
        }
        out.sort(Comparator.comparing((IndicatorLine l) -> !l.offTrack()).thenComparing(IndicatorLine::indicatorCode));
        return out;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    /** Done on time, done late, overdue (deadline passed or flagged) or in progress. */
    public static TaskState state(TaskRow t, LocalDate today) {
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
}
