package vn.city.task.task.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.problem.ProblemException;
import vn.city.common.security.CurrentUser;
import vn.city.common.security.Roles;
import vn.city.task.task.DeadlineChange;
import vn.city.task.task.ExtensionRequest;
import vn.city.common.period.Period;
import vn.city.task.task.ProgressReport;
import vn.city.task.task.Task;
import vn.city.task.task.TaskAccess;
import vn.city.task.task.TaskStatus;
import vn.city.task.task.TaskTransition;
import vn.city.task.task.event.TaskEvents;
import vn.city.task.task.event.TaskSnapshot;
import vn.city.task.time.TaskTime;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads of tasks, limited to what the caller may see. */
@ApplicationScoped
public class TaskQueries {

    static final int MAX_ROWS = 500;
    private static final List<TaskStatus> OPEN = List.of(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS,
            TaskStatus.SUBMITTED);

    private final TaskEvents events;
    private final TaskTime time;

    public TaskQueries(TaskEvents events, TaskTime time) {
        this.events = events;
        this.time = time;
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
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.status() != null) {
            where.add("t.status = :status");
            params.and("status", filter.status());
        }
        if (unit != null) {
            where.add("(t.leadUnit = :unit or array_contains(t.coordinatingUnits, :unit))");
            params.and("unit", unit);
        }
        if (filter.deadlineFrom() != null) {
            where.add("t.deadline >= :deadlineFrom");
            params.and("deadlineFrom", filter.deadlineFrom());
        }
        if (filter.deadlineTo() != null) {
            where.add("t.deadline <= :deadlineTo");
            params.and("deadlineTo", filter.deadlineTo());
        }
        if (filter.meetingId() != null) {
            where.add("t.sourceMeetingId = :meetingId");
            params.and("meetingId", filter.meetingId());
        }
        if (filter.indicator() != null) {
            where.add("array_contains(t.indicatorCodes, :indicator)");
            params.and("indicator", filter.indicator());
        }
        if (filter.period() != null) {
            Period period = Period.tryParse(filter.period()).orElseThrow(() -> ProblemException.badRequest("period",
                    "period-format", "period '" + filter.period() + "' is not one of " + Period.FORMAT));
            where.add("t.period in :periods");
            params.and("periods", period.coveredLabels());
        }
        if (filter.overdue() != null) {
            String overdue = "(t.status in :open and t.deadline < :today)";
            where.add(filter.overdue() ? overdue : "not " + overdue);
            params.and("open", OPEN).and("today", time.today());
        }
        String hql = "from Task t" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by t.deadline asc nulls last, t.assignedAt asc, t.id";
        return Task.<Task>find(hql, params).range(0, MAX_ROWS - 1).list()
                .map(tasks -> tasks.stream().map(events::snapshot).toList());
    }

    @WithSession
    public Uni<TaskSnapshot> get(UUID id, CurrentUser user) {
        return readable(id, user).map(events::snapshot);
    }

    @WithSession
    public Uni<List<ProgressView>> progress(UUID id, CurrentUser user) {
        return readable(id, user).chain(task -> ProgressReport.<ProgressReport>list(
                        "taskId = ?1 order by seq", task.id))
                .map(list -> list.stream().map(ProgressView::of).toList());
    }

    @WithSession
    public Uni<HistoryView> history(UUID id, CurrentUser user) {
        return readable(id, user).chain(task -> TaskTransition.<TaskTransition>list(
                        "taskId = ?1 order by seq", task.id)
                .chain(steps -> DeadlineChange.<DeadlineChange>list("taskId = ?1 order by seq", task.id)
                        .chain(deadlines -> ExtensionRequest.<ExtensionRequest>list(
                                        "taskId = ?1 order by seq", task.id)
                                .map(requests -> new HistoryView(task.id,
                                        steps.stream().map(HistoryView.Step::of).toList(),
                                        deadlines.stream().map(HistoryView.Deadline::of).toList(),
                                        requests.stream().map(ExtensionView::of).toList())))));
    }

    private Uni<Task> readable(UUID id, CurrentUser user) {
        return Task.<Task>findById(id).map(task -> {
            if (task == null) {
                throw ProblemException.notFound("task", String.valueOf(id));
            }
            TaskAccess.requireRead(user, task);
            return task;
        });
    }
}
