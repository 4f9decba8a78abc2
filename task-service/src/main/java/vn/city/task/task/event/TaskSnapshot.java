package vn.city.task.task.event;

import vn.city.task.task.Priority;
import vn.city.task.task.SourceKind;
import vn.city.task.task.TaskStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A task as consumers (and API clients) see it; every task event carries one. */
public record TaskSnapshot(
        UUID taskId,
        String title,
        String content,
        String leadUnit,
        List<String> coordinatingUnits,
        LocalDate deadline,
        boolean ongoing,
        Priority priority,
        List<String> indicatorCodes,
        String period,
        TaskStatus status,
        boolean overdue,
        Instant completedAt,
        Boolean completedOnTime,
        Source source,
        String assignedBy,
        Instant assignedAt,
        int progressPercent) {

    public record Source(SourceKind kind, String meetingId, Integer conclusionVersion, String directiveId,
                         String documentNumber, LocalDate documentDate) {
    }
}
