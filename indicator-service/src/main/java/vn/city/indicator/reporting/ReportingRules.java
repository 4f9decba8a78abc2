package vn.city.indicator.reporting;

import vn.city.common.period.Period;
import vn.city.common.period.PeriodKind;

import java.time.ZoneId;
import java.util.Map;

/** The cut-off day, the deadline day of each period kind and the city's time zone in force. */
public record ReportingRules(int cutOffDay, Map<PeriodKind, Integer> deadlineDays, ZoneId zone) {

    public ReportingWindow window(Period period) {
        return ReportingWindow.of(period, cutOffDay, deadlineDays.get(period.kind()), zone);
    }
}
