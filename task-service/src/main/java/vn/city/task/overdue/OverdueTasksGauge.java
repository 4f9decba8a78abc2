package vn.city.task.overdue;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.task.task.repository.TaskRepository;
import vn.city.task.time.TaskTime;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open tasks (assigned, in progress, submitted: as {@link OverdueDetector}) past their deadline, by lead unit:
 * {@code city_tasks_overdue{unit}}. Counted from the tasks table on the overdue job's schedule ({@code city.task.overdue-check}), so it agrees with what the job announces; a unit whose
 * tasks are no longer overdue stays at 0 rather than disappearing.
 */
@ApplicationScoped
public class OverdueTasksGauge {

    private final TaskTime time;
    private final TaskRepository tasks;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> byUnit = new ConcurrentHashMap<>();

    public OverdueTasksGauge(TaskTime time, TaskRepository tasks, MeterRegistry registry) {
        this.time = time;
        this.tasks = tasks;
        this.registry = registry;
    }

    @Scheduled(every = "${city.task.overdue-check:1m}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "overdue-gauge")
    @WithSession
    Uni<Void> scheduled() {
        return refresh().replaceWithVoid();
    }

    /** Counts again; returns the counts by unit. */
    @WithSession
    public Uni<Map<String, Long>> refresh() {
        return tasks.openPastDeadlineByLeadUnit(time.today())
                .map(rows -> {
                    Map<String, Long> counts = new HashMap<>();
                    for (Object[] row : rows) {
                        counts.put((String) row[0], ((Number) row[1]).longValue());
                    }
                    byUnit.keySet().forEach(unit -> counts.putIfAbsent(unit, 0L));
                    counts.forEach((unit, n) -> gauge(unit).set(n));
                    return counts;
                });
    }

    private AtomicLong gauge(String unit) {
        return byUnit.computeIfAbsent(unit, u -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("city.tasks.overdue", value, AtomicLong::get)
                    .description("Open tasks past their deadline, by lead unit")
                    .tag("unit", u)
                    .register(registry);
            return value;
        });
    }
}
