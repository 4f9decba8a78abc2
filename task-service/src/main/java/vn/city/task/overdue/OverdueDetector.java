package vn.city.task.overdue;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.city.task.task.Task;
import vn.city.task.task.TaskStatus;
import vn.city.task.task.event.TaskEventPayloads.TaskOverdue;
import vn.city.task.task.event.TaskEvents;
import vn.city.task.task.repository.TaskRepository;
import vn.city.task.time.TaskTime;

import java.time.LocalDate;
import java.util.List;

/**
 * Finds open tasks whose deadline has passed and announces each once per deadline. The notice row
 * {@code task_overdue_notice(task_id, deadline)} is inserted in the same transaction as the outbox row; with two
 * replicas running at once the second insert waits for the first and then finds the row, so only one emits.
 */
@ApplicationScoped
public class OverdueDetector {

    private static final Logger LOG = Logger.getLogger(OverdueDetector.class);

    private final TaskEvents events;
    private final TaskTime time;

    private final TaskRepository tasks;

    public OverdueDetector(TaskEvents events, TaskTime time, TaskRepository tasks) {
        this.tasks = tasks;
        this.events = events;
        this.time = time;
    }

    @Scheduled(every = "${city.task.overdue-check:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "overdue-check")
    void scheduled() {
        int announced = runNow();
        if (announced > 0) {
            LOG.infof("%d task(s) became overdue", announced);
        }
    }

    /** Runs the job from a worker (non-event-loop) thread and waits for it; safe to call from several at once. */
    public int runNow() {
        try {
            return VertxContextSupport.subscribeAndAwait(this::detect);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("overdue check failed", e);
        }
    }

    /** One run of the job: returns how many tasks this run announced as overdue. */
    @WithTransaction
    public Uni<Integer> detect() {
        LocalDate today = time.today();
        return tasks.openPastDeadline(today)
                .chain(tasks -> {
                    Uni<Integer> count = Uni.createFrom().item(0);
                    for (Task task : tasks) {
                        count = count.chain(n -> announce(task).map(emitted -> emitted ? n + 1 : n));
                    }
                    return count;
                });
    }

    private Uni<Boolean> announce(Task task) {
        LocalDate deadline = task.deadline;
        return tasks.noticeOverdue(task.id, deadline, time.now())
                .chain(inserted -> inserted == 0
                        ? Uni.createFrom().item(false)
                        : events.publish(TaskEvents.OVERDUE, task, new TaskOverdue(events.snapshot(task), deadline))
                        .replaceWith(true));
    }
}
