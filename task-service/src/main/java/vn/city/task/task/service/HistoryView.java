package vn.city.task.task.service;

import vn.city.task.task.DeadlineChange;
import vn.city.task.task.TaskStatus;
import vn.city.task.task.TaskTransition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A task's story: its status changes, every deadline it had, and the extension requests. */
public record HistoryView(UUID taskId, List<Step> transitions, List<Deadline> deadlines,
                          List<ExtensionView> extensionRequests) {

    public record Step(String action, TaskStatus fromStatus, TaskStatus toStatus, String note, String actor,
                       Instant at) {
        public static Step of(TaskTransition t) {
            return new Step(t.action, t.fromStatus, t.toStatus, t.note, t.actor, t.at);
        }
    }

    public record Deadline(LocalDate deadline, boolean ongoing, DeadlineChange.Kind kind, String reason, String setBy,
                           Instant setAt) {
        public static Deadline of(DeadlineChange d) {
            return new Deadline(d.deadline, d.ongoing, d.kind, d.reason, d.setBy, d.setAt);
        }
    }
}
