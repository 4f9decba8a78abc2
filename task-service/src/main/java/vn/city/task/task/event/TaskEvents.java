package vn.city.task.task.event;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.outbox.Outbox;
import vn.city.task.task.OnTime;
import vn.city.task.task.Task;
import vn.city.task.time.TaskTime;

import java.util.Arrays;

/** Announces task changes through the outbox, inside the transaction that made them. */
@ApplicationScoped
public class TaskEvents {

    public static final String ASSIGNED = "task-assigned";
    public static final String UPDATED = "task-updated";
    public static final String STARTED = "task-started";
    public static final String PROGRESS_REPORTED = "task-progress-reported";
    public static final String SUBMITTED = "task-submitted";
    public static final String COMPLETED = "task-completed";
    public static final String RETURNED = "task-returned";
    public static final String OVERDUE = "task-overdue";
    public static final String EXTENDED = "task-extended";
    public static final String CANCELLED = "task-cancelled";

    private final Outbox outbox;
    private final TaskTime time;

    public TaskEvents(Outbox outbox, TaskTime time) {
        this.outbox = outbox;
        this.time = time;
    }

    public TaskSnapshot snapshot(Task t) {
        return new TaskSnapshot(t.id, t.title, t.content, t.leadUnit, Arrays.asList(t.coordinatingUnits),
                t.deadline, t.ongoing, t.priority, Arrays.asList(t.indicatorCodes), t.period, t.status,
                OnTime.overdue(t.status, t.deadline, time.today()), t.completedAt, t.completedOnTime,
                new TaskSnapshot.Source(t.sourceKind, t.sourceMeetingId, t.sourceConclusionVersion,
                        t.sourceDirectiveId, t.sourceDocumentNumber, t.sourceDocumentDate),
                t.assignedBy, t.assignedAt, t.progressPercent);
    }

    public Uni<Void> publish(String eventName, Task task, Object payload) {
        return outbox.append(eventName, task.id.toString(), payload).replaceWithVoid();
    }
}
