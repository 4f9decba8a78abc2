package vn.city.task.statistics;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.problem.ProblemException;
import vn.city.common.period.Period;
import vn.city.task.task.repository.TaskRepository;
import vn.city.task.time.TaskTime;

import java.time.LocalDate;
import java.util.List;

/** Counts the tasks of a period per lead unit: what was done on time, late, what is overdue or still running. */
@ApplicationScoped
public class TaskStatistics {

    private final TaskTime time;
    private final TaskRepository tasks;

    public TaskStatistics(TaskTime time, TaskRepository tasks) {
        this.time = time;
        this.tasks = tasks;
    }

    @WithSession
    public Uni<PeriodStatistics> forPeriod(String periodText, String unit) {
        Period period = Period.tryParse(periodText).orElseThrow(() -> ProblemException.badRequest("period",
                "period-format", "period '" + periodText + "' is not one of " + Period.FORMAT));
        LocalDate today = time.today();
        return tasks.countsByLeadUnit(period.coveredLabels(), unit, today).map(rows -> {
            List<UnitStatistics> units = rows.stream().map(r -> new UnitStatistics((String) r[0], n(r[1]), n(r[2]),
                    n(r[3]), n(r[4]), n(r[5]), n(r[6]))).toList();
            UnitStatistics total = new UnitStatistics(null,
                    units.stream().mapToLong(UnitStatistics::assigned).sum(),
                    units.stream().mapToLong(UnitStatistics::doneOnTime).sum(),
                    units.stream().mapToLong(UnitStatistics::doneLate).sum(),
                    units.stream().mapToLong(UnitStatistics::overdue).sum(),
                    units.stream().mapToLong(UnitStatistics::inProgress).sum(),
                    units.stream().mapToLong(UnitStatistics::cancelled).sum());
            return new PeriodStatistics(period.toString(), today, units, total);
        });
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
