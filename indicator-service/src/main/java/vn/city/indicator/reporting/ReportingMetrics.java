package vn.city.indicator.reporting;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.period.Period;
import vn.city.indicator.reporting.service.ReportingCompleteness;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Operations metrics of the monthly report due this month (a hook, kept apart from the domain code), for the alert
 * CityReportingDeadlineUnitsMissing: {@code city_reporting_units_missing{period}} (units that have not reported every
 * indicator expected of them, as {@code GET /api/reporting/completeness} counts them) and
 * {@code city_reporting_deadline_timestamp_seconds{period}} (its deadline), refreshed every
 * {@code city.indicator.reporting.metrics-refresh} (default 5 min).
 */
@ApplicationScoped
public class ReportingMetrics {

    private final ReportingCompleteness completeness;
    private final ReportingCalendar calendar;
    private final Clock clock;
    private final MeterRegistry registry;
    private final AtomicLong missing = new AtomicLong();
    private final AtomicLong deadline = new AtomicLong();
    private final List<Meter> meters = new ArrayList<>();
    private volatile String period;

    public ReportingMetrics(ReportingCompleteness completeness, ReportingCalendar calendar, Clock clock,
                            MeterRegistry registry) {
        this.completeness = completeness;
        this.clock = clock;
        this.calendar = calendar;
        this.registry = registry;
    }

    @Scheduled(every = "${city.indicator.reporting.metrics-refresh:5m}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "reporting-metrics")
    Uni<Void> scheduled() {
        return refresh().replaceWithVoid();
    }

    /** Counts the current month's missing units again. */
    public Uni<Completeness> refresh() {
        LocalDate today = calendar.today();
        Period current = Period.month(today.getYear(), today.getMonthValue());
        return completeness.of(current, clock.instant()).invoke(c -> {
            register(c.period());
            missing.set(c.missing().size());
            deadline.set(c.deadline() == null ? 0 : c.deadline().getEpochSecond());
        });
    }

    private synchronized void register(String p) {
        if (p.equals(period)) {
            return;
        }
        meters.forEach(registry::remove);
        meters.clear();
        meters.add(Gauge.builder("city.reporting.units.missing", missing, AtomicLong::get)
                .description("Units that have not yet reported every expected indicator of the period due this month")
                .tag("period", p).register(registry));
        meters.add(Gauge.builder("city.reporting.deadline.timestamp", deadline, AtomicLong::get)
                .description("Deadline of that period's report (Unix time)")
                .baseUnit("seconds").tag("period", p).register(registry));
        period = p;
    }
}
