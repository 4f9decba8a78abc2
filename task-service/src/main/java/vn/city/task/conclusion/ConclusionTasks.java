package vn.city.task.conclusion;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.city.common.event.MalformedEventException;
import vn.city.task.task.DeadlineChange;
import vn.city.common.period.Period;
import vn.city.task.task.Priority;
import vn.city.task.task.SourceKind;
import vn.city.task.task.Task;
import vn.city.task.task.event.TaskEventPayloads.TaskUpdated;
import vn.city.task.task.event.TaskEvents;
import vn.city.task.task.service.TaskCommands;
import vn.city.task.time.TaskTime;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A published conclusion is the source of its tasks: one task per directive id. A newer version updates the tasks
 * of the directives it keeps, cancels those of the directives it dropped and opens tasks for new ones; a version
 * older than (or equal to) the one applied changes nothing. Runs inside the consumer's transaction.
 */
@ApplicationScoped
public class ConclusionTasks {

    private static final Logger LOG = Logger.getLogger(ConclusionTasks.class);

    private final TaskCommands commands;
    private final TaskEvents events;
    private final TaskTime time;

    public ConclusionTasks(TaskCommands commands, TaskEvents events, TaskTime time) {
        this.commands = commands;
        this.events = events;
        this.time = time;
    }

    public Uni<Void> apply(MeetingConcluded c) {
        validate(c);
        int version = c.version() == null ? 1 : c.version();
        return ConclusionApplied.<ConclusionApplied>findById(c.meetingId()).chain(applied -> {
            if (applied != null && applied.version >= version) {
                LOG.infof("conclusion of meeting %s version %d ignored: version %d already applied",
                        c.meetingId(), version, applied.version);
                return Uni.createFrom().voidItem();
            }
            ConclusionApplied row = applied != null ? applied : new ConclusionApplied();
            row.meetingId = c.meetingId();
            row.conclusionId = c.conclusionId();
            row.version = version;
            row.appliedAt = time.now();
            Uni<Void> saved = applied != null ? Uni.createFrom().voidItem() : row.persist().replaceWithVoid();
            return saved.chain(() -> reconcile(c, version));
        });
    }

    private Uni<Void> reconcile(MeetingConcluded c, int version) {
        Set<String> ids = c.directives().stream().map(MeetingConcluded.Directive::directiveId)
                .collect(Collectors.toSet());
        return Task.<Task>list("sourceDirectiveId in ?1 or sourceMeetingId = ?2", ids, c.meetingId())
                .chain(existing -> {
                    Map<String, Task> byDirective = existing.stream()
                            .collect(Collectors.toMap(t -> t.sourceDirectiveId, Function.identity(), (a, b) -> a));
                    Uni<Void> steps = Uni.createFrom().voidItem();
                    for (MeetingConcluded.Directive d : c.directives()) {
                        Task task = byDirective.get(d.directiveId());
                        steps = steps.chain(() -> task == null ? open(c, version, d) : update(task, c, version, d));
                    }
                    for (Task task : existing) {
                        if (!ids.contains(task.sourceDirectiveId) && task.status.isOpen()) {
                            steps = steps.chain(() -> commands.cancel(task,
                                    "removed from the conclusion (version " + version + ")", actor(c)));
                        }
                    }
                    return steps;
                });
    }

    private Uni<Void> open(MeetingConcluded c, int version, MeetingConcluded.Directive d) {
        Task task = new Task();
        task.sourceKind = SourceKind.CONCLUSION;
        task.sourceMeetingId = c.meetingId();
        task.sourceDirectiveId = d.directiveId();
        task.assignedBy = actor(c);
        task.assignedAt = c.concludedAt() == null ? time.now() : c.concludedAt().toInstant();
        task.period = Period.tryParse(c.period()).map(Period::toString).orElse(c.period());
        copy(d, version, task);
        return commands.open(task, actor(c)).replaceWithVoid();
    }

    private Uni<Void> update(Task task, MeetingConcluded c, int version, MeetingConcluded.Directive d) {
        if (!task.status.isOpen()) {
            // a finished task keeps what it was judged against; the correction is only noted
            task.sourceConclusionVersion = version;
            return commands.record(task, "UPDATE", task.status, task.status,
                    "conclusion version " + version + " not applied: the task is " + task.status, actor(c));
        }
        boolean deadlineChanged = !Objects.equals(task.deadline, d.deadline())
                || task.ongoing != Boolean.TRUE.equals(d.ongoing());
        copy(d, version, task);
        Uni<Void> history = commands.record(task, "UPDATE", task.status, task.status,
                "corrected by conclusion version " + version, actor(c));
        if (deadlineChanged) {
            history = history.chain(() -> commands.recordDeadline(task, DeadlineChange.Kind.CORRECTION,
                    "conclusion version " + version, actor(c)));
        }
        return history.chain(() -> events.publish(TaskEvents.UPDATED, task,
                new TaskUpdated(events.snapshot(task), version)));
    }

    private static void copy(MeetingConcluded.Directive d, int version, Task task) {
        task.sourceConclusionVersion = version;
        task.title = d.title() == null || d.title().isBlank() ? abbreviate(d.content()) : d.title();
        task.content = d.content() == null || d.content().isBlank() ? task.title : d.content();
        task.leadUnit = d.leadUnit();
        task.coordinatingUnits = distinct(d.coordinatingUnits());
        task.ongoing = Boolean.TRUE.equals(d.ongoing()) || d.deadline() == null;
        task.deadline = d.deadline();
        task.priority = Priority.parse(d.priority());
        task.indicatorCodes = distinct(d.indicatorCodes());
    }

    private static String actor(MeetingConcluded c) {
        return c.chair() == null || c.chair().isBlank() ? "meeting-service" : c.chair();
    }

    private static void validate(MeetingConcluded c) {
        if (c.meetingId() == null || c.meetingId().isBlank()) {
            throw new MalformedEventException("meeting-concluded without meetingId");
        }
        if (c.period() == null || c.period().isBlank()) {
            throw new MalformedEventException("meeting-concluded without period");
        }
        if (c.directives() == null) {
            throw new MalformedEventException("meeting-concluded without directives");
        }
        Set<String> seen = new HashSet<>();
        for (MeetingConcluded.Directive d : c.directives()) {
            if (d == null || d.directiveId() == null || d.directiveId().isBlank()) {
                throw new MalformedEventException("a directive without directiveId");
            }
            if (!seen.add(d.directiveId())) {
                throw new MalformedEventException("directive " + d.directiveId() + " appears twice");
            }
            if (d.leadUnit() == null || d.leadUnit().isBlank()) {
                throw new MalformedEventException("directive " + d.directiveId() + " has no leadUnit");
            }
            if ((d.title() == null || d.title().isBlank()) && (d.content() == null || d.content().isBlank())) {
                throw new MalformedEventException("directive " + d.directiveId() + " has neither title nor content");
            }
        }
    }

    private static String[] distinct(List<String> values) {
        if (values == null) {
            return new String[0];
        }
        return new LinkedHashSet<>(values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).toList())
                .toArray(String[]::new);
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 197) + "…";
    }
}
