package vn.city.indicator.result;

import vn.city.indicator.catalogue.Nature;

import vn.city.common.period.Period;
import vn.city.common.period.PeriodKind;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Optional;

/**
 * Year to date ("lũy kế") of a period. A figure that states its own year to date wins. A flow sums the year's
 * current figures up to the period's last month, starting from the latest stated year to date if any and covering
 * each stretch with the finest figure available (month, else quarter, else half year, else the year). A level or
 * progress indicator's year to date is its latest value so far in the year.
 */
public final class YearToDate {

    private YearToDate() {
    }

    public static BigDecimal of(Nature nature, Series series, Period period) {
        Optional<FigurePoint> own = series.at(period);
        if (own.isPresent() && own.get().yearToDate() != null) {
            return own.get().yearToDate();
        }
        return nature.summable() ? flow(series, period) : latest(series, period);
    }

    private static BigDecimal flow(Series series, Period period) {
        int last = period.endMonth();
        int year = period.year();
        BigDecimal sum = null;
        int month = 1;
        Optional<FigurePoint> base = series.figures().stream()
                .filter(p -> p.yearToDate() != null && p.period().year() == year && p.period().endMonth() <= last)
                .max(Comparator.comparing(FigurePoint::period));
        if (base.isPresent()) {
            sum = base.get().yearToDate();
            month = base.get().period().endMonth() + 1;
        }
        while (month <= last) {
            FigurePoint covering = null;
            for (PeriodKind kind : PeriodKind.values()) {
                if ((month - 1) % kind.months() != 0) {
                    continue;
                }
                Period candidate = new Period(kind, year, (month - 1) / kind.months() + 1);
                if (candidate.endMonth() > last) {
                    break;
                }
                Optional<FigurePoint> figure = series.at(candidate);
                if (figure.isPresent()) {
                    covering = figure.get();
                    break;
                }
            }
            if (covering == null) {
                month++;
            } else {
                sum = sum == null ? covering.value() : sum.add(covering.value());
                month = covering.period().endMonth() + 1;
            }
        }
        return sum;
    }

    private static BigDecimal latest(Series series, Period period) {
        return series.figures().stream()
                .filter(p -> p.period().year() == period.year() && p.period().endMonth() <= period.endMonth())
                .max(Comparator.comparing(FigurePoint::period))
                .map(FigurePoint::value)
                .orElse(null);
    }
}
