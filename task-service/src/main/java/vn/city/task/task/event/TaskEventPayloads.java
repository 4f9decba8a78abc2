package vn.city.task.task.event;

import java.time.Instant;
import java.time.LocalDate;

/** The data of each task event: the snapshot after the change plus what the event itself says. */
public final class TaskEventPayloads {

    private TaskEventPayloads() {
    }

    public record TaskAssigned(TaskSnapshot task) {
    }

    public record TaskStarted(TaskSnapshot task) {
    }

    public record TaskUpdated(TaskSnapshot task, Integer conclusionVersion) {
    }

    public record TaskProgressReported(TaskSnapshot task, String unitCode, int percent, String text,
                                       String reportedBy, Instant reportedAt) {
    }

    public record TaskSubmitted(TaskSnapshot task, String result, String submittedBy) {
    }

    public record TaskCompleted(TaskSnapshot task, boolean onTime) {
    }

    public record TaskReturned(TaskSnapshot task, String reason) {
    }

    public record TaskOverdue(TaskSnapshot task, LocalDate deadline) {
    }

    public record TaskExtended(TaskSnapshot task, LocalDate previousDeadline, LocalDate newDeadline, String reason,
                               String grantedBy) {
    }

    public record TaskCancelled(TaskSnapshot task, String reason) {
    }
}
