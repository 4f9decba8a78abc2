package vn.city.meeting.pack;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The briefing pack of a meeting's period: one line per indicator with the city's value as indicator-service formed
 * it and each unit's own value beneath, tasks per lead unit and carried-over tasks. {@code taskScope} names the unit
 * whose tasks alone are shown (an officer's live view), null when every task is shown. Empty values of a line and of
 * a unit beneath it are left out of the JSON.
 */
public record BriefingPack(UUID meetingId, String period, String periodLabel, OffsetDateTime asOf, boolean frozen,
                           OffsetDateTime frozenAt, List<IndicatorLine> indicators, List<UnitTasks> units,
                           TaskTotals totals, List<CarryOver> carryOver, String taskScope) {

    /**
     * One indicator. {@code cityFigure} is false when indicator-service forms no city value (NOT_AGGREGATED) or has
     * not formed one yet: then only the units' own values are shown, never one of them as the city's.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndicatorLine(String indicatorCode, String indicatorName, String measureUnit, String nature,
                                String direction, String category, String aggregation, String changeKind,
                                Integer decimals, boolean cityFigure, String version, BigDecimal value,
                                BigDecimal yearToDate, BigDecimal target, String targetKind,
                                BigDecimal attainmentPercent, BigDecimal expectedPercent,
                                BigDecimal samePeriodLastYear, BigDecimal change, String status, boolean offTrack,
                                boolean partial, List<UnitRef> missingUnits, List<String> contributingUnits,
                                boolean formedFromMonths, Long revision, OffsetDateTime computedAt,
                                List<UnitFigure> units) {
    }

    /** A unit's own result beneath the city line; for a quarter, half year or year its newest month inside it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UnitFigure(String unitCode, String unitName, String period, String version, BigDecimal value,
                             BigDecimal yearToDate, BigDecimal target, BigDecimal attainmentPercent,
                             BigDecimal samePeriodLastYear, BigDecimal change, String status) {
    }

    public record UnitRef(String code, String name) {
    }

    public enum TaskState { DONE_ON_TIME, DONE_LATE, OVERDUE, IN_PROGRESS, CANCELLED }

    public record TaskLine(UUID taskId, String title, String leadUnit, String status, TaskState state,
                           LocalDate deadline, boolean ongoing, OffsetDateTime completedAt, UUID sourceMeetingId) {
    }

    public record UnitTasks(String unitCode, String unitName, int doneOnTime, int doneLate, int overdue,
                            int inProgress, List<TaskLine> tasks) {
    }

    public record TaskTotals(int doneOnTime, int doneLate, int overdue, int inProgress) {
    }

    public record CarryOver(UUID taskId, String title, String leadUnit, String status, LocalDate deadline,
                            boolean overdue, UUID sourceMeetingId, UUID agendaItemId) {
    }
}
