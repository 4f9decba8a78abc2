package vn.city.indicator.reporting;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.problem.ProblemException;
import vn.city.indicator.IndicatorConfig;
import vn.city.common.period.PeriodKind;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;

/**
 * The Decree 09/2019 calendar in force: the configured cut-off and deadline days ({@code city.indicator.reporting.*}),
 * with the deadline days the secretariat set over the API taking precedence; and "today" in the city.
 */
@ApplicationScoped
public class ReportingCalendar {

    private final IndicatorConfig.Reporting config;
    private final Clock clock;

    public ReportingCalendar(IndicatorConfig config, Clock clock) {
        this.config = config.reporting();
        this.clock = clock;
    }

    @WithSession
    public Uni<ReportingRules> rules() {
        return ReportingDeadline.<ReportingDeadline>listAll().map(overrides -> {
            Map<PeriodKind, Integer> days = new EnumMap<>(PeriodKind.class);
            overrides.forEach(o -> days.put(o.periodKind, o.deadlineDay));
            return rules(days);
        });
    }

    /** The rules with the deadline days the secretariat set (by period kind) over the configured ones. */
    public ReportingRules rules(Map<PeriodKind, Integer> overrides) {
        Map<PeriodKind, Integer> days = new EnumMap<>(PeriodKind.class);
        days.put(PeriodKind.MONTH, config.monthlyDeadlineDay());
        days.put(PeriodKind.QUARTER, config.quarterlyDeadlineDay());
        days.put(PeriodKind.HALF_YEAR, config.halfYearDeadlineDay());
        days.put(PeriodKind.YEAR, config.yearlyDeadlineDay());
        days.putAll(overrides);
        return new ReportingRules(config.cutOffDay(), days, config.zone());
    }

    /** Sets the deadline day of a period kind; it must fall after the data cut-off. */
    @WithTransaction
    public Uni<ReportingRules> setDeadlineDay(PeriodKind kind, int day, String by) {
        if (day <= config.cutOffDay()) {
            throw ProblemException.invalid("deadlineDay", "after-cut-off",
                    "the report is due after the data cut-off (day " + config.cutOffDay() + ")");
        }
        return ReportingDeadline.<ReportingDeadline>findById(kind).chain(existing -> {
            ReportingDeadline d = existing != null ? existing : new ReportingDeadline();
            d.periodKind = kind;
            d.deadlineDay = day;
            d.updatedBy = by;
            d.updatedAt = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            return existing != null ? Uni.createFrom().item(d) : d.<ReportingDeadline>persist();
        }).chain(d -> rules());
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(config.zone()));
    }
}
