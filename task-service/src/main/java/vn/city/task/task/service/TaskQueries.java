package vn.city.task.task.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.problem.ProblemException;
import vn.city.common.security.CurrentUser;
import vn.city.common.security.Roles;
import vn.city.common.period.Period;
import vn.city.task.task.Task;
import vn.city.task.task.TaskAccess;
import vn.city.task.task.event.TaskEvents;
import vn.city.task.task.event.TaskSnapshot;
import vn.city.task.task.repository.TaskRepository;
import vn.city.task.time.TaskTime;

import java.util.List;
import java.util.UUID;

/** Reads of tasks, limited to what the caller may see. */
@ApplicationScoped
public class TaskQueries {

    static final int MAX_ROWS = 500;

    private final TaskEvents events;
    private final TaskTime time;
    private final TaskRepository tasks;

    public TaskQueries(TaskEvents events, TaskTime time, TaskRepository tasks) {
        this.events = events;
        this.time = time;
        this.tasks = tasks;
    }

    @WithSession
    public Uni<List<TaskSnapshot>> list(TaskFilter filter, CurrentUser user) {
        String unit = filter.unit();
        if (filter.mine()) {
            if (user.department() == null) {
                throw ProblemException.badRequest("mine", "has-unit", "your account belongs to no unit");
            }
            if (unit != null && !unit.equalsIgnoreCase(user.department())) {
                throw ProblemException.badRequest("unit", "mine", "mine=true lists your own unit's tasks only");
            }
            unit = user.department();
        }
        if (!TaskAccess.readsAll(user)) {
            if (!user.has(Roles.OFFICER) || user.department() == null) {
                throw ProblemException.forbidden("you may not read tasks");
            }
            if (unit != null && !unit.equalsIgnoreCase(user.department())) {
                throw ProblemException.forbidden("user '" + user.username() + "' of unit '" + user.department()
                        + "' may not list the tasks of unit '" + unit + "'");
            }
            unit = user.department();
        }
        if (filter.deadlineFrom() != null && filter.deadlineTo() != null
                && filter.deadlineTo().isBefore(filter.deadlineFrom())) {
            throw ProblemException.badRequest("deadlineTo", "window", "deadlineTo is before deadlineFrom");
        }
        List<String> periods = null;
        if (filter.period() != null) {
            periods = Period.tryParse(filter.period()).orElseThrow(() -> ProblemException.badRequest("period",
                    "period-format", "period '" + filter.period() + "' is not one of " + Period.FORMAT)).coveredLabels();
        }
        return tasks.search(new TaskRepository.Search(filter.status(), unit, filter.deadlineFrom(),
                        filter.deadlineTo(), filter.meetingId(), filter.indicator(), periods, filter.overdue(),
                        time.today(), MAX_ROWS))
                .map(tasks -> tasks.stream().map(events::snapshot).toList());
    }

    @WithSession
    public Uni<TaskSnapshot> get(UUID id, CurrentUser user) {
        return readable(id, user).map(events::snapshot);
    }

    @WithSession
    public Uni<List<ProgressView>> progress(UUID id, CurrentUser user) {
        return readable(id, user).chain(task -> tasks.progressOf(task.id))
                .map(list -> list.stream().map(ProgressView::of).toList());
    }

    @WithSession
    public Uni<HistoryView> history(UUID id, CurrentUser user) {
        return readable(id, user).chain(task -> tasks.transitionsOf(task.id)
                .chain(steps -> tasks.deadlinesOf(task.id)
                        .chain(deadlines -> tasks.extensionsOf(task.id)
                                .map(requests -> new HistoryView(task.id,
                                        steps.stream().map(HistoryView.Step::of).toList(),
                                        deadlines.stream().map(HistoryView.Deadline::of).toList(),
                                        requests.stream().map(ExtensionView::of).toList())))));
    }

    private Uni<Task> readable(UUID id, CurrentUser user) {
        return tasks.find(id).map(task -> {
            if (task == null) {
                throw ProblemException.notFound("task", String.valueOf(id));
            }
            TaskAccess.requireRead(user, task);
            return task;
        });
    }
}
