package vn.city.indicator.result;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** A period's value and year to date for one unit (or a sum of units), with the grade of the current figure. */
public record Snapshot(BigDecimal value, BigDecimal yearToDate, FigureVersion version) {

    public static final Snapshot EMPTY = new Snapshot(null, null, null);

    public static Snapshot of(Nature nature, Series series, vn.city.common.period.Period period) {
        FigurePoint own = series.at(period).orElse(null);
        return new Snapshot(own == null ? null : own.value(), YearToDate.of(nature, series, period),
                own == null ? null : own.version());
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
            return parts.stream().filter(s -> s.value() != null || s.yearToDate() != null).findFirst().orElse(EMPTY);
        }
        BigDecimal value = sum(parts.stream().map(Snapshot::value).toList());
        BigDecimal ytd = sum(parts.stream().map(Snapshot::yearToDate).toList());
        FigureVersion lowest = parts.stream().map(Snapshot::version).filter(Objects::nonNull)
                .min(java.util.Comparator.comparingInt(FigureVersion::grade)).orElse(null);
        return new Snapshot(value, ytd, lowest);
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        BigDecimal sum = null;
        for (BigDecimal v : values) {
            if (v != null) {
                sum = sum == null ? v : sum.add(v);
            }
        }
        return sum;
    }
}
