package vn.city.meeting.pack;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The briefing pack of a meeting's period: indicators (off-track first), tasks per unit and carried-over tasks. */
public record BriefingPack(UUID meetingId, String period, String periodLabel, OffsetDateTime asOf, boolean frozen,
                           OffsetDateTime frozenAt, List<IndicatorLine> indicators, List<UnitTasks> units,
                           TaskTotals totals, List<CarryOver> carryOver) {

    public record IndicatorLine(String indicatorCode, String indicatorName, String measureUnit, String nature,
                                String direction, String unitCode, String version, BigDecimal value,
                                BigDecimal yearToDate, BigDecimal target, String targetKind,
                                BigDecimal attainmentPercent, BigDecimal expectedPercent,
                                BigDecimal samePeriodLastYear, BigDecimal change, String changeKind, String status,
                                boolean offTrack, String submissionId, OffsetDateTime submittedAt) {
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
