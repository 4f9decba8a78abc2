package vn.city.task.task;

import java.time.LocalDate;

/** On time means the lead unit reported completion no later than the deadline in force; an ongoing task has none. */
public final class OnTime {

    private OnTime() {
    }

    public static boolean judge(LocalDate deadlineInForce, LocalDate completionReportedOn) {
        return deadlineInForce == null || !completionReportedOn.isAfter(deadlineInForce);
    }

    /** Overdue: a deadline that has passed (the whole day) while the task is still open. */
    public static boolean overdue(TaskStatus status, LocalDate deadline, LocalDate today) {
        return status.isOpen() && deadline != null && today.isAfter(deadline);
    }
}
