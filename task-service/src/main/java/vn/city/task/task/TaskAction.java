package vn.city.task.task;

/** What can be done to a task; each moves it from one status to another. */
public enum TaskAction {
    START("start"), SUBMIT("submit"), ACCEPT("accept"), RETURN("return"), CANCEL("cancel");

    private final String path;

    TaskAction(String path) {
        this.path = path;
    }

    /** The name used in the API ({@code POST /api/tasks/{id}/<path>}). */
    public String path() {
        return path;
    }
}
