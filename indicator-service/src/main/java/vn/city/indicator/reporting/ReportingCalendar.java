package vn.city.indicator.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import vn.city.indicator.IndicatorConfig;
import vn.city.indicator.period.Period;
import vn.city.indicator.period.PeriodKind;

import java.time.Clock;
import java.time.LocalDate;

/** The configured Decree 09/2019 calendar: windows and deadlines per period kind, and "today" in the city. */
@ApplicationScoped
public class ReportingCalendar {

    private final IndicatorConfig.Reporting config;
    private final Clock clock;

    public ReportingCalendar(IndicatorConfig config, Clock clock) {
        this.config = config.reporting();
        this.clock = clock;
    }

    public ReportingWindow window(Period period) {
        return ReportingWindow.of(period, config.cutOffDay(), deadlineDay(period.kind()), config.zone());
    }

    public int deadlineDay(PeriodKind kind) {
        return switch (kind) {
            case MONTH -> config.monthlyDeadlineDay();
            case QUARTER -> config.quarterlyDeadlineDay();
            case HALF_YEAR -> config.halfYearDeadlineDay();
            case YEAR -> config.yearlyDeadlineDay();
        };
    }

    public int cutOffDay() {
        return config.cutOffDay();
    }

    public String zone() {
        return config.zone().getId();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(config.zone()));
    }
}
