package vn.city.task.task.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.problem.Problem;
import vn.city.common.problem.ProblemException;
import vn.city.common.security.CurrentUser;
import vn.city.common.security.Roles;
import vn.city.task.task.DeadlineChange;
import vn.city.task.task.ExtensionRequest;
import vn.city.task.task.OnTime;
import vn.city.common.period.Period;
import vn.city.task.task.Priority;
import vn.city.task.task.ProgressReport;
import vn.city.task.task.SourceKind;
import vn.city.task.task.Task;
import vn.city.task.task.TaskAccess;
import vn.city.task.task.TaskAction;
import vn.city.task.task.TaskLifecycle;
import vn.city.task.task.TaskStatus;
import vn.city.task.task.TaskTransition;
import vn.city.task.task.event.TaskEventPayloads.TaskAssigned;
import vn.city.task.task.event.TaskEventPayloads.TaskCancelled;
import vn.city.task.task.event.TaskEventPayloads.TaskCompleted;
import vn.city.task.task.event.TaskEventPayloads.TaskExtended;
import vn.city.task.task.event.TaskEventPayloads.TaskProgressReported;
import vn.city.task.task.event.TaskEventPayloads.TaskReturned;
import vn.city.task.task.event.TaskEventPayloads.TaskStarted;
import vn.city.task.task.event.TaskEventPayloads.TaskSubmitted;
import vn.city.task.task.event.TaskEvents;
import vn.city.task.task.event.TaskSnapshot;
import vn.city.task.time.TaskTime;
import vn.city.task.unit.UnitDirectory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The use cases that change tasks; each runs in one transaction with the events it appends. */
@ApplicationScoped
public class TaskCommands {

    private final TaskEvents events;
    private final TaskTime time;
    private final UnitDirectory units;

    public TaskCommands(TaskEvents events, TaskTime time, UnitDirectory units) {
        this.events = events;
        this.time = time;
        this.units = units;
    }

    // ---- assignment -------------------------------------------------------------------------------------------

    @WithTransaction
    public Uni<TaskSnapshot> create(NewTask cmd, CurrentUser user) {
        SourceKind kind = cmd.sourceKind() == null ? SourceKind.AD_HOC : cmd.sourceKind();
        if (!(user.has(Roles.LEADER) || user.has(Roles.SECRETARIAT))) {
            throw ProblemException.forbidden("only leaders and the secretariat assign tasks");
        }
        if (kind == SourceKind.AD_HOC && !user.has(Roles.LEADER)) {
            throw ProblemException.forbidden("the secretariat creates tasks from documents; ad hoc tasks are "
                    + "assigned by a leader");
        }
        List<Problem.FieldViolation> violations = new ArrayList<>();
        if (kind == SourceKind.CONCLUSION || kind == SourceKind.INDICATOR) {
            violations.add(new Problem.FieldViolation("source.kind", "source-kind",
                    kind + " tasks come from published conclusions and indicator signals; use DOCUMENT or AD_HOC"));
        }
        if (kind == SourceKind.DOCUMENT && blank(cmd.documentNumber())) {
            violations.add(new Problem.FieldViolation("source.documentNumber", "required",
                    "a task from a document names the document's number"));
        }
        if (kind == SourceKind.DOCUMENT && cmd.documentDate() == null) {
            violations.add(new Problem.FieldViolation("source.documentDate", "required",
                    "a task from a document names the document's date"));
        }
        LocalDate today = time.today();
        violations.addAll(deadlineViolations(cmd.deadline(), cmd.ongoing(), today));
        if (Period.tryParse(cmd.period()).isEmpty()) {
            violations.add(new Problem.FieldViolation("period", "period-format",
                    "period '" + cmd.period() + "' is not one of " + Period.FORMAT));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        List<String> coordinating = distinct(cmd.coordinatingUnits());
        if (coordinating.contains(cmd.leadUnit())) {
            throw ProblemException.invalid("coordinatingUnits", "not-lead",
                    "the lead unit '" + cmd.leadUnit() + "' cannot also be a coordinating unit");
        }
        Task task = new Task();
        task.title = cmd.title().trim();
        task.content = cmd.content();
        task.sourceKind = kind;
        if (kind == SourceKind.DOCUMENT) {
            task.sourceDocumentNumber = cmd.documentNumber().trim();
            task.sourceDocumentDate = cmd.documentDate();
        }
        task.leadUnit = cmd.leadUnit();
        task.coordinatingUnits = coordinating.toArray(String[]::new);
        task.deadline = cmd.deadline();
        task.ongoing = cmd.ongoing();
        task.priority = cmd.priority() == null ? Priority.NORMAL : cmd.priority();
        task.indicatorCodes = distinct(cmd.indicatorCodes()).toArray(String[]::new);
        task.period = Period.tryParse(cmd.period()).orElseThrow().toString();
        task.assignedBy = user.username();
        return units.requireKnown(UnitDirectory.refs(task.leadUnit, coordinating))
                .chain(() -> open(task, user.username()))
                .map(events::snapshot);
    }

    static List<Problem.FieldViolation> deadlineViolations(LocalDate deadline, boolean ongoing, LocalDate today) {
        List<Problem.FieldViolation> violations = new ArrayList<>();
        if (ongoing && deadline != null) {
            violations.add(new Problem.FieldViolation("deadline", "deadline-or-ongoing",
                    "an ongoing (thường xuyên) task has no deadline"));
        } else if (!ongoing && deadline == null) {
            violations.add(new Problem.FieldViolation("deadline", "deadline-or-ongoing",
                    "give a deadline, or mark the task ongoing (thường xuyên)"));
        } else if (deadline != null && deadline.isBefore(today)) {
            violations.add(new Problem.FieldViolation("deadline", "not-before-assignment",
                    "deadline " + deadline + " is before the assignment date " + today));
        }
        return violations;
    }

    /** Persists a new task as ASSIGNED with its first deadline, and announces it (inside the caller's transaction). */
    public Uni<Task> open(Task task, String actor) {
        if (task.id == null) {
            task.id = UUID.randomUUID();
        }
        task.status = TaskStatus.ASSIGNED;
        if (task.assignedAt == null) {
            task.assignedAt = time.now();
        }
        return task.persist()
                .chain(() -> record(task, "ASSIGN", null, TaskStatus.ASSIGNED, null, actor))
                .chain(() -> recordDeadline(task, DeadlineChange.Kind.INITIAL, null, actor))
                .chain(() -> events.publish(TaskEvents.ASSIGNED, task, new TaskAssigned(events.snapshot(task))))
                .replaceWith(task);
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------

    @WithTransaction
    public Uni<TaskSnapshot> start(UUID id, CurrentUser user) {
        return load(id).chain(task -> {
            TaskAccess.requireLeadUnit(user, task);
            TaskStatus from = task.status;
            task.status = move(task, TaskAction.START);
            return record(task, TaskAction.START.name(), from, task.status, null, user.username())
                    .chain(() -> events.publish(TaskEvents.STARTED, task,
                            new TaskStarted(events.snapshot(task))))
                    .map(v -> events.snapshot(task));
        });
    }

    @WithTransaction
    public Uni<ProgressView> reportProgress(UUID id, CurrentUser user, String unitCode, int percent, String text) {
        return load(id).chain(task -> {
            String unit = blank(unitCode) ? user.department() : unitCode.trim();
            TaskAccess.requireReportsFor(user, task, unit);
            if (!TaskLifecycle.acceptsProgress(task.status)) {
                throw illegal(task, "report progress on");
            }
            ProgressReport report = new ProgressReport();
            report.id = UUID.randomUUID();
            report.taskId = task.id;
            report.unitCode = canonical(task, unit);
            report.percent = percent;
            report.text = text;
            report.reportedBy = user.username();
            report.reportedAt = time.now();
            Uni<Void> started = Uni.createFrom().voidItem();
            if (task.status == TaskStatus.ASSIGNED) {
                // the first report of work means the work has started
                task.status = TaskStatus.IN_PROGRESS;
                started = record(task, TaskAction.START.name(), TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS,
                        "started by the first progress report", user.username());
            }
            if (report.unitCode.equals(task.leadUnit)) {
                task.progressPercent = percent;
            }
            return started.chain(() -> report.persist())
                    .chain(() -> events.publish(TaskEvents.PROGRESS_REPORTED, task,
                            new TaskProgressReported(events.snapshot(task), report.unitCode, percent, text,
                                    report.reportedBy, report.reportedAt)))
                    .map(v -> ProgressView.of(report));
        });
    }

    @WithTransaction
    public Uni<TaskSnapshot> submit(UUID id, CurrentUser user, String result) {
        return load(id).chain(task -> {
            TaskAccess.requireLeadUnit(user, task);
            TaskStatus from = task.status;
            task.status = move(task, TaskAction.SUBMIT);
            task.submittedAt = time.now();
            task.submittedBy = user.username();
            task.result = result;
            return record(task, TaskAction.SUBMIT.name(), from, task.status, result, user.username())
                    .chain(() -> events.publish(TaskEvents.SUBMITTED, task,
                            new TaskSubmitted(events.snapshot(task), result, user.username())))
                    .map(v -> events.snapshot(task));
        });
    }

    @WithTransaction
    public Uni<TaskSnapshot> accept(UUID id, CurrentUser user, String note) {
        return load(id).chain(task -> {
            TaskAccess.requireLeader(user);
            TaskStatus from = task.status;
            task.status = move(task, TaskAction.ACCEPT);
            task.completedAt = time.now();
            // judged by when the lead unit reported completion, against the deadline in force
            task.completedOnTime = OnTime.judge(task.deadline, time.dateOf(task.submittedAt));
            task.progressPercent = 100;
            return record(task, TaskAction.ACCEPT.name(), from, task.status, note, user.username())
                    .chain(() -> events.publish(TaskEvents.COMPLETED, task,
                            new TaskCompleted(events.snapshot(task), task.completedOnTime)))
                    .map(v -> events.snapshot(task));
        });
    }

    @WithTransaction
    public Uni<TaskSnapshot> returnTask(UUID id, CurrentUser user, String reason) {
        return load(id).chain(task -> {
            TaskAccess.requireLeader(user);
            TaskStatus from = task.status;
            task.status = move(task, TaskAction.RETURN);
            task.submittedAt = null;
            task.submittedBy = null;
            return record(task, TaskAction.RETURN.name(), from, task.status, reason, user.username())
                    .chain(() -> events.publish(TaskEvents.RETURNED, task,
                            new TaskReturned(events.snapshot(task), reason)))
                    .map(v -> events.snapshot(task));
        });
    }

    @WithTransaction
    public Uni<TaskSnapshot> cancel(UUID id, CurrentUser user, String reason) {
        return load(id).chain(task -> {
            TaskAccess.requireLeader(user);
            return cancel(task, reason, user.username()).map(v -> events.snapshot(task));
        });
    }

    /** Cancels a task (inside the caller's transaction). */
    public Uni<Void> cancel(Task task, String reason, String actor) {
        TaskStatus from = task.status;
        task.status = move(task, TaskAction.CANCEL);
        return expirePendingExtensions(task, actor)
                .chain(() -> record(task, TaskAction.CANCEL.name(), from, task.status, reason, actor))
                .chain(() -> events.publish(TaskEvents.CANCELLED, task, new TaskCancelled(events.snapshot(task), reason)));
    }

    // ---- extensions -----------------------------------------------------------------------------------------

    @WithTransaction
    public Uni<ExtensionView> requestExtension(UUID id, CurrentUser user, LocalDate newDeadline, String reason) {
        return load(id).chain(task -> {
            TaskAccess.requireLeadUnit(user, task);
            if (task.ongoing || task.deadline == null) {
                throw ProblemException.conflict("no-deadline", "an ongoing task has no deadline to extend");
            }
            if (!TaskLifecycle.acceptsExtension(task.status)) {
                throw illegal(task, "extend");
            }
            if (!newDeadline.isAfter(task.deadline)) {
                throw ProblemException.invalid("newDeadline", "after-current-deadline",
                        "the new deadline " + newDeadline + " must be after the current one, " + task.deadline);
            }
            return ExtensionRequest.count("taskId = ?1 and status = ?2", task.id, ExtensionRequest.Status.PENDING)
                    .chain(pending -> {
                        if (pending > 0) {
                            throw ProblemException.conflict("extension-pending",
                                    "task " + task.id + " already has an extension request waiting for a decision");
                        }
                        ExtensionRequest request = new ExtensionRequest();
                        request.id = UUID.randomUUID();
                        request.taskId = task.id;
                        request.currentDeadline = task.deadline;
                        request.requestedDeadline = newDeadline;
                        request.reason = reason;
                        request.requestedBy = user.username();
                        request.requestedAt = time.now();
                        request.status = ExtensionRequest.Status.PENDING;
                        return request.persist().map(v -> ExtensionView.of(request));
                    });
        });
    }

    @WithTransaction
    public Uni<ExtensionView> grantExtension(UUID id, UUID requestId, CurrentUser user, String note) {
        return decide(id, requestId, user).chain(pair -> {
            Task task = pair.task();
            ExtensionRequest request = pair.request();
            if (!TaskLifecycle.acceptsExtension(task.status)) {
                throw illegal(task, "extend");
            }
            LocalDate previous = task.deadline;
            request.status = ExtensionRequest.Status.GRANTED;
            request.decidedBy = user.username();
            request.decidedAt = time.now();
            request.decisionNote = note;
            task.deadline = request.requestedDeadline;
            return recordDeadline(task, DeadlineChange.Kind.EXTENSION, request.reason, user.username())
                    .chain(() -> events.publish(TaskEvents.EXTENDED, task, new TaskExtended(events.snapshot(task),
                            previous, task.deadline, request.reason, user.username())))
                    .map(v -> ExtensionView.of(request));
        });
    }

    @WithTransaction
    public Uni<ExtensionView> refuseExtension(UUID id, UUID requestId, CurrentUser user, String reason) {
        return decide(id, requestId, user).map(pair -> {
            ExtensionRequest request = pair.request();
            request.status = ExtensionRequest.Status.REFUSED;
            request.decidedBy = user.username();
            request.decidedAt = time.now();
            request.decisionNote = reason;
            return ExtensionView.of(request);
        });
    }

    private record Decision(Task task, ExtensionRequest request) {
    }

    private Uni<Decision> decide(UUID id, UUID requestId, CurrentUser user) {
        return load(id).chain(task -> {
            TaskAccess.requireLeader(user);
            return ExtensionRequest.<ExtensionRequest>findById(requestId).map(request -> {
                if (request == null || !request.taskId.equals(task.id)) {
                    throw ProblemException.notFound("extension request", String.valueOf(requestId));
                }
                if (request.status != ExtensionRequest.Status.PENDING) {
                    throw ProblemException.conflict("extension-decided",
                            "extension request " + requestId + " was already " + request.status);
                }
                return new Decision(task, request);
            });
        });
    }

    private Uni<Void> expirePendingExtensions(Task task, String actor) {
        return ExtensionRequest.update("status = ?1, decidedBy = ?2, decidedAt = ?3, decisionNote = ?4 "
                        + "where taskId = ?5 and status = ?6", ExtensionRequest.Status.REFUSED, actor, time.now(),
                "task closed", task.id, ExtensionRequest.Status.PENDING).replaceWithVoid();
    }

    // ---- shared ---------------------------------------------------------------------------------------------

    public Uni<Task> load(UUID id) {
        return Task.<Task>findById(id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("task", String.valueOf(id)));
    }

    public Uni<Void> record(Task task, String action, TaskStatus from, TaskStatus to, String note, String actor) {
        TaskTransition t = new TaskTransition();
        t.id = UUID.randomUUID();
        t.taskId = task.id;
        t.action = action;
        t.fromStatus = from;
        t.toStatus = to;
        t.note = note;
        t.actor = actor;
        t.at = time.now();
        return t.persist().replaceWithVoid();
    }

    public Uni<Void> recordDeadline(Task task, DeadlineChange.Kind kind, String reason, String actor) {
        DeadlineChange d = new DeadlineChange();
        d.id = UUID.randomUUID();
        d.taskId = task.id;
        d.deadline = task.deadline;
        d.ongoing = task.ongoing;
        d.kind = kind;
        d.reason = reason;
        d.setBy = actor;
        d.setAt = time.now();
        return d.persist().replaceWithVoid();
    }

    private static TaskStatus move(Task task, TaskAction action) {
        return TaskLifecycle.next(task.status, action).orElseThrow(() -> illegal(task, action.path()));
    }

    static ProblemException illegal(Task task, String what) {
        Set<TaskAction> allowed = TaskLifecycle.allowed(task.status);
        String list = allowed.isEmpty() ? "none (the task is final)"
                : allowed.stream().map(TaskAction::path).collect(Collectors.joining(", "));
        String message = "cannot " + what + " a task that is " + task.status + "; allowed from " + task.status
                + ": " + list;
        return new ProblemException(409, "illegal-transition", "Conflict with the current state", message,
                List.of(new Problem.FieldViolation("status", "transition", "allowed: " + list)));
    }

    private static String canonical(Task task, String unit) {
        if (unit.equalsIgnoreCase(task.leadUnit)) {
            return task.leadUnit;
        }
        for (String c : task.coordinatingUnits) {
            if (unit.equalsIgnoreCase(c)) {
                return c;
            }
        }
        return unit;
    }

    static List<String> distinct(List<String> values) {
        if (values == null) {
            return List.of();
        }
        Set<String> set = new LinkedHashSet<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                set.add(v.trim());
            }
        }
        return List.copyOf(set);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
