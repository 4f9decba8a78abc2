package vn.city.indicator.result;

import vn.city.indicator.catalogue.Nature;

import vn.city.common.period.Period;
import vn.city.common.period.PeriodKind;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A period's value and year to date for one unit (or a sum of units), with the grade of the current figure and
 * whether the value of a quarter, half year or year was formed from monthly figures (no figure of its own).
 */
public record Snapshot(BigDecimal value, BigDecimal yearToDate, FigureVersion version, boolean fromMonths) {

    public static final Snapshot EMPTY = new Snapshot(null, null, null, false);

    public Snapshot(BigDecimal value, BigDecimal yearToDate, FigureVersion version) {
        this(value, yearToDate, version, false);
    }

    public boolean isEmpty() {
        return value == null && yearToDate == null;
    }

    /**
     * The unit's figure of the period; for a longer period without a figure of its own, formed from its months:
     * a flow sums the months reported, a level or progress figure takes the latest month's value.
     */
    public static Snapshot of(Nature nature, Series series, Period period) {
        FigurePoint own = series.at(period).orElse(null);
        BigDecimal ytd = YearToDate.of(nature, series, period);
        if (own != null) {
            return new Snapshot(own.value(), ytd, own.version(), false);
        }
        if (period.kind() == PeriodKind.MONTH) {
            return new Snapshot(null, ytd, null, false);
        }
        BigDecimal value = null;
        FigureVersion lowest = null;
        for (int m = period.startMonth(); m <= period.endMonth(); m++) {
            FigurePoint month = series.at(Period.month(period.year(), m)).orElse(null);
            if (month == null) {
                continue;
            }
            value = nature.summable() ? (value == null ? month.value() : value.add(month.value())) : month.value();
            lowest = lowest == null || month.version().grade() < lowest.grade() ? month.version() : lowest;
        }
        return new Snapshot(value, ytd, lowest, value != null);
    }

    /**
     * Combines several units: a flow adds their values; a level or progress figure cannot be added, so the first
     * part that has one stands (the successor before its predecessors).
     */
    public static Snapshot combine(Nature nature, List<Snapshot> parts) {
        if (parts.isEmpty()) {
            return EMPTY;
        }
        if (!nature.summable()) {
            return parts.stream().filter(s -> !s.isEmpty()).findFirst().orElse(EMPTY);
        }
        return sum(parts);
    }

    /** Adds the values and years to date of the parts (whatever the nature: a sum of units is a count). */
    public static Snapshot sum(List<Snapshot> parts) {
        BigDecimal value = add(parts.stream().map(Snapshot::value).toList());
        BigDecimal ytd = add(parts.stream().map(Snapshot::yearToDate).toList());
        FigureVersion lowest = parts.stream().map(Snapshot::version).filter(Objects::nonNull)
                .min(Comparator.comparingInt(FigureVersion::grade)).orElse(null);
        return new Snapshot(value, ytd, lowest, parts.stream().anyMatch(Snapshot::fromMonths));
    }

    private static BigDecimal add(List<BigDecimal> values) {
        BigDecimal sum = null;
        for (BigDecimal v : values) {
            if (v != null) {
                sum = sum == null ? v : sum.add(v);
            }
        }
        return sum;
    }
}
