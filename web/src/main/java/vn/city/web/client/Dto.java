package vn.city.web.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the web reads of the services' answers: tolerant readers (unknown fields are ignored, absent ones are null),
 * so the services can add fields without breaking the pages.
 */
public final class Dto {

    private Dto() {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Indicator(String code, String name, String measureUnit, String nature, String direction,
            String ownerUnit, String category, Boolean active, List<String> reportingUnits) {
        public boolean lowerIsBetter() {
            return "LOWER_IS_BETTER".equals(direction);
        }
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Unit(String code, String name, String kind, String parentCode, Boolean active) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Result(String unitCode, String period, BigDecimal value, BigDecimal yearToDate, BigDecimal target,
            BigDecimal attainmentPercent, BigDecimal expectedPercent, BigDecimal samePeriodLastYear, BigDecimal change,
            String changeKind, String status, String currentVersion) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Figure(String submissionId, String indicatorCode, String unitCode, String period, String version,
            BigDecimal value, BigDecimal yearToDate, String submittedBy, OffsetDateTime submittedAt, String note,
            Boolean onTime, Boolean outlier, String channel) {
    }

    public record SubmitFigure(String indicatorCode, String unitCode, String period, String version, String valueText,
            String note) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Completeness(String period, String deadline, Integer expected, Integer reported,
            List<MissingUnit> missing) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MissingUnit(String unitCode, String unitName, List<String> indicatorCodes) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Target(String indicatorCode, Integer year, String unitCode, BigDecimal value, String kind,
            String documentNumber) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Task(String taskId, String title, String content, String leadUnit, List<String> coordinatingUnits,
            LocalDate deadline, Boolean ongoing, String priority, List<String> indicatorCodes, String period,
            String status, Boolean overdue, OffsetDateTime completedAt, Boolean completedOnTime, TaskSource source,
            String assignedBy, OffsetDateTime assignedAt, Integer progressPercent) {
        public boolean open() {
            return "ASSIGNED".equals(status) || "IN_PROGRESS".equals(status) || "SUBMITTED".equals(status);
        }

        public boolean isOverdue() {
            return Boolean.TRUE.equals(overdue);
        }
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TaskSource(String kind, String meetingId, Integer conclusionVersion, String directiveId,
            String documentNumber) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Progress(String unitCode, Integer percent, String text, String reportedBy, OffsetDateTime reportedAt) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TaskHistory(String taskId, List<Step> transitions, List<ExtensionRequest> extensionRequests) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Step(String action, String fromStatus, String toStatus, String note, String actor, OffsetDateTime at) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExtensionRequest(String id, LocalDate currentDeadline, LocalDate requestedDeadline, String reason,
            String requestedBy, String status, String decidedBy, String decisionNote) {
        public boolean pending() {
            return "PENDING".equals(status);
        }
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Meeting(String id, String type, String title, String period, OffsetDateTime startsAt, String place,
            String chair, List<String> attendeeUnits, String status, String statusNote, OffsetDateTime concludedAt,
            List<Item> items) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String id, Integer position, String kind, String title, String presentingUnit,
            String documentKind, String documentRef, String outcome, String outcomeNote, String decidedBy,
            List<Opinion> opinions) {
        public boolean forOpinion() {
            return "FOR_OPINION".equals(kind);
        }
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Opinion(String member, String unitCode, String stance, String text, OffsetDateTime givenAt) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pack(String meetingId, String period, String periodLabel, OffsetDateTime asOf, Boolean frozen,
            OffsetDateTime frozenAt, List<PackLine> indicators, List<UnitTasks> units, TaskTotals totals,
            List<CarryOver> carryOver) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PackLine(String indicatorCode, String indicatorName, String measureUnit, String nature,
            String direction, String unitCode, String version, BigDecimal value, BigDecimal yearToDate,
            BigDecimal target, String targetKind, BigDecimal attainmentPercent, BigDecimal expectedPercent,
            BigDecimal samePeriodLastYear, BigDecimal change, String changeKind, String status, Boolean offTrack) {
        public boolean isOffTrack() {
            return Boolean.TRUE.equals(offTrack) || "BEHIND".equals(status);
        }
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnitTasks(String unitCode, String unitName, Integer doneOnTime, Integer doneLate, Integer overdue,
            Integer inProgress, List<TaskLine> tasks) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TaskLine(String taskId, String title, String leadUnit, String status, String state,
            LocalDate deadline, Boolean ongoing) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TaskTotals(Integer doneOnTime, Integer doneLate, Integer overdue, Integer inProgress) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CarryOver(String taskId, String title, String leadUnit, String status, LocalDate deadline,
            Boolean overdue) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Narrative(String meetingId, String period, String title, List<String> paragraphs, String text,
            Boolean fromFrozenPack) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConclusionHistory(String meetingId, Conclusion current, List<Conclusion> versions) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Conclusion(String conclusionId, Integer version, String status, String text,
            List<Directive> directives, String draftedBy, OffsetDateTime draftedAt, String publishedBy,
            OffsetDateTime publishedAt) {
        public boolean published() {
            return publishedAt != null || "PUBLISHED".equals(status);
        }
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Directive(String directiveId, String title, String content, String leadUnit,
            List<String> coordinatingUnits, LocalDate deadline, Boolean ongoing, String priority) {
    }

    /** An import job of indicator-service (GET /api/imports/jobs/{id}). */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ImportJob(String id, String format, String state, int rowsRead, int rowsRejected, int rowsWritten,
            int percent, List<FieldViolation> errors, String message) {
        public boolean done() {
            return "SUCCEEDED".equals(state) || "FAILED".equals(state);
        }
    }

    /** One broken rule: {@code rows[12].value}, its rule and the service's message. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldViolation(String field, String rule, String message) {
    }
}
