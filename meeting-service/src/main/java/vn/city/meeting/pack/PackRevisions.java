package vn.city.meeting.pack;

import vn.city.meeting.pack.BriefingPack.IndicatorLine;
import vn.city.meeting.pack.BriefingPack.TaskLine;
import vn.city.meeting.pack.BriefingPack.TaskState;
import vn.city.meeting.pack.BriefingPack.UnitFigure;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/** "Revised since": what differs between the pack frozen at the meeting and the same pack as today. Pure. */
public final class PackRevisions {

    private PackRevisions() {
    }

    /** One field of a line that changed: as frozen, and as today (text, so numbers and states read alike). */
    public record Difference(String field, String unitCode, String then, String now) {
    }

    public record LineRevision(String indicatorCode, String indicatorName, List<Difference> differences) {
    }

    public record TaskRevision(UUID taskId, String title, String leadUnit, TaskState frozenState,
                               TaskState currentState) {
    }

    public record Revisions(UUID meetingId, String period, OffsetDateTime frozenAt, OffsetDateTime asOf,
                            List<LineRevision> indicators, List<TaskRevision> tasks) {
    }

    private static final Map<String, Function<IndicatorLine, Object>> LINE_FIELDS = new LinkedHashMap<>();
    private static final Map<String, Function<UnitFigure, Object>> UNIT_FIELDS = new LinkedHashMap<>();

    static {
        LINE_FIELDS.put("value", IndicatorLine::value);
        LINE_FIELDS.put("version", IndicatorLine::version);
        LINE_FIELDS.put("yearToDate", IndicatorLine::yearToDate);
        LINE_FIELDS.put("target", IndicatorLine::target);
        LINE_FIELDS.put("attainmentPercent", IndicatorLine::attainmentPercent);
        LINE_FIELDS.put("samePeriodLastYear", IndicatorLine::samePeriodLastYear);
        LINE_FIELDS.put("change", IndicatorLine::change);
        LINE_FIELDS.put("status", IndicatorLine::status);
        LINE_FIELDS.put("partial", IndicatorLine::partial);
        UNIT_FIELDS.put("value", UnitFigure::value);
        UNIT_FIELDS.put("version", UnitFigure::version);
        UNIT_FIELDS.put("period", UnitFigure::period);
        UNIT_FIELDS.put("yearToDate", UnitFigure::yearToDate);
    }

    public static Revisions between(BriefingPack frozen, BriefingPack today, OffsetDateTime asOf) {
        Map<String, IndicatorLine> then = new HashMap<>();
        frozen.indicators().forEach(l -> then.put(l.indicatorCode(), l));
        List<LineRevision> lines = new ArrayList<>();
        for (IndicatorLine now : today.indicators()) {
            IndicatorLine was = then.remove(now.indicatorCode());
            List<Difference> diffs = new ArrayList<>();
            LINE_FIELDS.forEach((field, get) -> compare(diffs, field, null, was == null ? null : get.apply(was),
                    get.apply(now)));
            Map<String, UnitFigure> unitsThen = new HashMap<>();
            if (was != null && was.units() != null) {
                was.units().forEach(u -> unitsThen.put(u.unitCode(), u));
            }
            for (UnitFigure u : now.units() == null ? List.<UnitFigure>of() : now.units()) {
                UnitFigure old = unitsThen.get(u.unitCode());
                UNIT_FIELDS.forEach((field, get) -> compare(diffs, field, u.unitCode(),
                        old == null ? null : get.apply(old), get.apply(u)));
            }
            if (!diffs.isEmpty()) {
                lines.add(new LineRevision(now.indicatorCode(), now.indicatorName(), diffs));
            }
        }
        then.values().forEach(gone -> lines.add(new LineRevision(gone.indicatorCode(), gone.indicatorName(),
                List.of(new Difference("value", null, text(gone.value()), null)))));

        Map<UUID, TaskLine> was = new HashMap<>();
        frozen.units().forEach(u -> u.tasks().forEach(t -> was.put(t.taskId(), t)));
        List<TaskRevision> tasks = new ArrayList<>();
        today.units().forEach(u -> u.tasks().forEach(t -> {
            TaskLine old = was.get(t.taskId());
            if (old == null || old.state() != t.state()) {
                tasks.add(new TaskRevision(t.taskId(), t.title(), t.leadUnit(), old == null ? null : old.state(),
                        t.state()));
            }
        }));
        return new Revisions(frozen.meetingId(), frozen.period(), frozen.frozenAt(), asOf, lines, tasks);
    }

    private static void compare(List<Difference> out, String field, String unit, Object then, Object now) {
        if (!same(then, now)) {
            out.add(new Difference(field, unit, text(then), text(now)));
        }
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        return v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v.toString();
    }
}
