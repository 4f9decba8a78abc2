package vn.city.task.task;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The task lifecycle: ASSIGNED → IN_PROGRESS → SUBMITTED → DONE, a submission returned goes back to IN_PROGRESS,
 * and the assigner may cancel any task that is not finished. DONE and CANCELLED are final.
 */
public final class TaskLifecycle {

    private static final Map<TaskStatus, Map<TaskAction, TaskStatus>> TRANSITIONS = new EnumMap<>(TaskStatus.class);

    static {
        for (TaskStatus s : TaskStatus.values()) {
            TRANSITIONS.put(s, new EnumMap<>(TaskAction.class));
        }
        TRANSITIONS.get(TaskStatus.ASSIGNED).put(TaskAction.START, TaskStatus.IN_PROGRESS);
        TRANSITIONS.get(TaskStatus.ASSIGNED).put(TaskAction.CANCEL, TaskStatus.CANCELLED);
        TRANSITIONS.get(TaskStatus.IN_PROGRESS).put(TaskAction.SUBMIT, TaskStatus.SUBMITTED);
        TRANSITIONS.get(TaskStatus.IN_PROGRESS).put(TaskAction.CANCEL, TaskStatus.CANCELLED);
        TRANSITIONS.get(TaskStatus.SUBMITTED).put(TaskAction.ACCEPT, TaskStatus.DONE);
        TRANSITIONS.get(TaskStatus.SUBMITTED).put(TaskAction.RETURN, TaskStatus.IN_PROGRESS);
        TRANSITIONS.get(TaskStatus.SUBMITTED).put(TaskAction.CANCEL, TaskStatus.CANCELLED);
    }

    private TaskLifecycle() {
    }

    public static Optional<TaskStatus> next(TaskStatus from, TaskAction action) {
        return Optional.ofNullable(TRANSITIONS.get(from).get(action));
    }

    public static Set<TaskAction> allowed(TaskStatus from) {
        Set<TaskAction> actions = EnumSet.noneOf(TaskAction.class);
        actions.addAll(TRANSITIONS.get(from).keySet());
        return actions;
    }

    /** Whether progress may be reported: while the task is being worked on (reporting on an ASSIGNED task starts it). */
    public static boolean acceptsProgress(TaskStatus status) {
        return status == TaskStatus.ASSIGNED || status == TaskStatus.IN_PROGRESS;
    }

    /** Whether a new deadline may be asked for or granted. */
    public static boolean acceptsExtension(TaskStatus status) {
        return status == TaskStatus.ASSIGNED || status == TaskStatus.IN_PROGRESS;
    }
}
