package vn.city.indicator.reporting;

import vn.city.common.period.Period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The data window and deadline of a periodic report after Decree 09/2019/NĐ-CP (Art. 12): the data of a period runs
 * from the day after the cut-off day of the month before the period starts to the cut-off day of the period's last
 * month (cut-off 14: a June report covers 15 May – 14 June; Q2 covers 15 March – 14 June; the year covers
 * 15 December – 14 December). A report is due by the end of the deadline day of the period's last month (the decree's
 * latest is the 20th), in the city's time zone.
 */
public record ReportingWindow(Period period, LocalDate dataFrom, LocalDate dataTo, Instant deadline) {

    public static ReportingWindow of(Period period, int cutOffDay, int deadlineDay, ZoneId zone) {
        LocalDate lastMonth = period.endDate().withDayOfMonth(1);
        LocalDate firstMonth = period.startDate();
        LocalDate dataTo = lastMonth.withDayOfMonth(Math.min(cutOffDay, lastMonth.lengthOfMonth()));
        LocalDate monthBefore = firstMonth.minusMonths(1);
        LocalDate dataFrom = monthBefore.withDayOfMonth(Math.min(cutOffDay, monthBefore.lengthOfMonth())).plusDays(1);
        LocalDate due = lastMonth.withDayOfMonth(Math.min(deadlineDay, lastMonth.lengthOfMonth()));
        Instant deadline = due.atTime(LocalTime.MAX).atZone(zone).toInstant();
        return new ReportingWindow(period, dataFrom, dataTo, deadline);
    }

    /** A submission made at or before the deadline is on time; a later one (a revision too) is late. */
    public boolean onTime(Instant submittedAt) {
        return !submittedAt.isAfter(deadline);
    }
}
