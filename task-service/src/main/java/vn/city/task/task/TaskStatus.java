package vn.city.task.task;

public enum TaskStatus {
    ASSIGNED, IN_PROGRESS, SUBMITTED, DONE, CANCELLED;

    public boolean isOpen() {
        return this == ASSIGNED || this == IN_PROGRESS || this == SUBMITTED;
    }
}
