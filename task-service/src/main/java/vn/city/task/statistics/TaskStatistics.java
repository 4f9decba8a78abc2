package vn.city.task.statistics;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.problem.ProblemException;
import vn.city.common.period.Period;
import vn.city.task.task.Task;
import vn.city.task.task.TaskStatus;
import vn.city.task.time.TaskTime;

import java.time.LocalDate;
import java.util.List;

/** Counts the tasks of a period per lead unit: what was done on time, late, what is overdue or still running. */
@ApplicationScoped
public class TaskStatistics {

    private static final String OPEN = "t.status in (vn.city.task.task.TaskStatus.ASSIGNED, "
            + "vn.city.task.task.TaskStatus.IN_PROGRESS, vn.city.task.task.TaskStatus.SUBMITTED)";

    private final TaskTime time;

    public TaskStatistics(TaskTime time) {
        this.time = time;
    }

    @WithSession
    public Uni<PeriodStatistics> forPeriod(String periodText, String unit) {
        Period period = Period.tryParse(periodText).orElseThrow(() -> ProblemException.badRequest("period",
                "period-format", "period '" + periodText + "' is not one of " + Period.FORMAT));
        LocalDate today = time.today();
        String hql = "select t.leadUnit,"
                + " sum(case when t.status <> :cancelled then 1 else 0 end),"
                + " sum(case when t.status = :done and t.completedOnTime = true then 1 else 0 end),"
                + " sum(case when t.status = :done and t.completedOnTime = false then 1 else 0 end),"
                + " sum(case when " + OPEN + " and t.deadline < :today then 1 else 0 end),"
                + " sum(case when " + OPEN + " and (t.deadline is null or t.deadline >= :today) then 1 else 0 end),"
                + " sum(case when t.status = :cancelled then 1 else 0 end)"
                + " from Task t where t.period in :periods"
                + (unit == null ? "" : " and t.leadUnit = :unit")
                + " group by t.leadUnit order by t.leadUnit";
        Parameters params = Parameters.with("cancelled", TaskStatus.CANCELLED).and("done", TaskStatus.DONE)
                .and("today", today).and("periods", period.coveredLabels());
        if (unit != null) {
            params.and("unit", unit);
        }
        return Task.getSession().chain(session -> {
            var query = session.createSelectionQuery(hql, Object[].class);
            params.map().forEach(query::setParameter);
            return query.getResultList();
        }).map(rows -> {
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
