package vn.city.task.task.repository;

import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.task.task.DeadlineChange;
import vn.city.task.task.ExtensionRequest;
import vn.city.task.task.ProgressReport;
import vn.city.task.task.Task;
import vn.city.task.task.TaskStatus;
import vn.city.task.task.TaskTransition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Every query over tasks and what hangs off them (progress, transitions, deadlines, extension requests). */
@ApplicationScoped
public class TaskRepository {

    /** Tasks not yet done or cancelled. */
    public static final List<TaskStatus> OPEN = List.of(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS,
            TaskStatus.SUBMITTED);

    /** What a list of tasks may be narrowed by; null means "any". */
    public record Search(TaskStatus status, String unit, LocalDate deadlineFrom, LocalDate deadlineTo,
                         String meetingId, String indicator, List<String> periods, Boolean overdue, LocalDate today,
                         int limit) {
    }

    public Uni<Task> find(UUID id) {
        return Task.findById(id);
    }

    /** The tasks that match, by deadline (open-ended last), then assignment time. */
    public Uni<List<Task>> search(Search s) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (s.status() != null) {
            where.add("t.status = :status");
            params.and("status", s.status());
        }
        if (s.unit() != null) {
            where.add("(t.leadUnit = :unit or array_contains(t.coordinatingUnits, :unit))");
            params.and("unit", s.unit());
        }
        if (s.deadlineFrom() != null) {
            where.add("t.deadline >= :deadlineFrom");
            params.and("deadlineFrom", s.deadlineFrom());
        }
        if (s.deadlineTo() != null) {
            where.add("t.deadline <= :deadlineTo");
            params.and("deadlineTo", s.deadlineTo());
        }
        if (s.meetingId() != null) {
            where.add("t.sourceMeetingId = :meetingId");
            params.and("meetingId", s.meetingId());
        }
        if (s.indicator() != null) {
            where.add("array_contains(t.indicatorCodes, :indicator)");
            params.and("indicator", s.indicator());
        }
        if (s.periods() != null) {
            where.add("t.period in :periods");
            params.and("periods", s.periods());
        }
        if (s.overdue() != null) {
            String overdue = "(t.status in :open and t.deadline < :today)";
            where.add(s.overdue() ? overdue : "not " + overdue);
            params.and("open", OPEN).and("today", s.today());
        }
        String hql = "from Task t" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by t.deadline asc nulls last, t.assignedAt asc, t.id";
        return Task.<Task>find(hql, params).range(0, s.limit() - 1).list();
    }

    /** Open tasks whose deadline is before the day. */
    public Uni<List<Task>> openPastDeadline(LocalDate today) {
        return Task.list("status in ?1 and deadline < ?2 order by deadline, id", OPEN, today);
    }

    /** Open tasks whose deadline is before the day, counted by lead unit: rows of (lead unit, count). */
    public Uni<List<Object[]>> openPastDeadlineByLeadUnit(LocalDate today) {
        return Task.getSession().chain(session -> session.createNativeQuery(
                        "select lead_unit, count(*) from task where status in ('ASSIGNED', 'IN_PROGRESS', 'SUBMITTED')"
                                + " and deadline < ?1 group by lead_unit",
                        Object[].class)
                .setParameter(1, today)
                .getResultList());
    }

    /** The tasks of a conclusion: by directive id, or from the meeting. */
    public Uni<List<Task>> ofConclusion(Collection<String> directiveIds, String meetingId) {
        return Task.list("sourceDirectiveId in ?1 or sourceMeetingId = ?2", directiveIds, meetingId);
    }

    /** Records that the task was noticed overdue for this deadline; 0 when it was already (once per deadline). */
    public Uni<Integer> noticeOverdue(UUID taskId, LocalDate deadline, Instant at) {
        return Task.getSession().chain(session -> session.createNativeQuery(
                        "insert into task_overdue_notice (task_id, deadline, noticed_at) values (?1, ?2, ?3)"
                                + " on conflict do nothing")
                .setParameter(1, taskId)
                .setParameter(2, deadline)
                .setParameter(3, at)
                .executeUpdate());
    }

    public Uni<Long> countBySourceRef(String sourceRef) {
        return Task.count("sourceRef", sourceRef);
    }

    /**
     * Per lead unit, for the tasks of the given periods: assigned (not cancelled), done on time, done late, overdue,
     * in progress, cancelled, as of {@code today}.
     */
    public Uni<List<Object[]>> countsByLeadUnit(List<String> periods, String unit, LocalDate today) {
        String open = "t.status in (vn.city.task.task.TaskStatus.ASSIGNED, "
                + "vn.city.task.task.TaskStatus.IN_PROGRESS, vn.city.task.task.TaskStatus.SUBMITTED)";
        String hql = "select t.leadUnit,"
                + " sum(case when t.status <> :cancelled then 1 else 0 end),"
                + " sum(case when t.status = :done and t.completedOnTime = true then 1 else 0 end),"
                + " sum(case when t.status = :done and t.completedOnTime = false then 1 else 0 end),"
                + " sum(case when " + open + " and t.deadline < :today then 1 else 0 end),"
                + " sum(case when " + open + " and (t.deadline is null or t.deadline >= :today) then 1 else 0 end),"
                + " sum(case when t.status = :cancelled then 1 else 0 end)"
                + " from Task t where t.period in :periods"
                + (unit == null ? "" : " and t.leadUnit = :unit")
                + " group by t.leadUnit order by t.leadUnit";
        Parameters params = Parameters.with("cancelled", TaskStatus.CANCELLED).and("done", TaskStatus.DONE)
                .and("today", today).and("periods", periods);
        if (unit != null) {
            params.and("unit", unit);
        }
        return Task.getSession().chain(session -> {
            var query = session.createSelectionQuery(hql, Object[].class);
            params.map().forEach(query::setParameter);
            return query.getResultList();
        });
    }

    public Uni<List<ProgressReport>> progressOf(UUID taskId) {
        return ProgressReport.list("taskId = ?1 order by seq", taskId);
    }

    public Uni<List<TaskTransition>> transitionsOf(UUID taskId) {
        return TaskTransition.list("taskId = ?1 order by seq", taskId);
    }

    public Uni<List<DeadlineChange>> deadlinesOf(UUID taskId) {
        return DeadlineChange.list("taskId = ?1 order by seq", taskId);
    }

    public Uni<List<ExtensionRequest>> extensionsOf(UUID taskId) {
        return ExtensionRequest.list("taskId = ?1 order by seq", taskId);
    }

    public Uni<ExtensionRequest> extension(UUID requestId) {
        return ExtensionRequest.findById(requestId);
    }

    public Uni<Long> pendingExtensions(UUID taskId) {
        return ExtensionRequest.count("taskId = ?1 and status = ?2", taskId, ExtensionRequest.Status.PENDING);
    }

    /** Refuses every pending extension request of a task (it was closed); how many. */
    public Uni<Integer> refusePendingExtensions(UUID taskId, String actor, Instant at, String note) {
        return ExtensionRequest.update("status = ?1, decidedBy = ?2, decidedAt = ?3, decisionNote = ?4 "
                        + "where taskId = ?5 and status = ?6", ExtensionRequest.Status.REFUSED, actor, at, note, taskId,
                ExtensionRequest.Status.PENDING);
    }
}
