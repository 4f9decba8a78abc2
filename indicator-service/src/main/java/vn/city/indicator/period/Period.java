package vn.city.indicator.period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period as the contracts spell it: month {@code 2022-06}, quarter {@code 2022-Q2}, half year
 * {@code 2022-H1}, year {@code 2022}. {@code index} counts the period within its year, from 1.
 */
public record Period(PeriodKind kind, int year, int index) implements Comparable<Period> {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    /** Orders by the month a period ends in, then longer periods after shorter ones. */
    public static final Comparator<Period> BY_END = Comparator.comparingInt((Period p) -> p.year())
            .thenComparingInt(Period::endMonth).thenComparingInt(p -> p.kind().months());

    public Period {
        if (year < 1900 || year > 2999) {
            throw new IllegalArgumentException("year must be between 1900 and 2999");
        }
        int count = 12 / kind.months();
        if (index < 1 || index > count) {
            throw new IllegalArgumentException(kind + " index must be between 1 and " + count);
        }
    }

    /** Parses the contract spelling; throws {@link IllegalArgumentException} with the reason otherwise. */
    public static Period parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a period is required (2022-06, 2022-Q2, 2022-H1 or 2022)");
        }
        String t = text.trim().toUpperCase();
        Matcher m;
        if ((m = MONTH.matcher(t)).matches()) {
            return new Period(PeriodKind.MONTH, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if ((m = QUARTER.matcher(t)).matches()) {
            return new Period(PeriodKind.QUARTER, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if ((m = HALF.matcher(t)).matches()) {
            return new Period(PeriodKind.HALF_YEAR, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if ((m = YEAR.matcher(t)).matches()) {
            return new Period(PeriodKind.YEAR, Integer.parseInt(m.group(1)), 1);
        }
        throw new IllegalArgumentException("'" + text + "' is not a period (2022-06, 2022-Q2, 2022-H1 or 2022)");
    }

    public static Period month(int year, int month) {
        return new Period(PeriodKind.MONTH, year, month);
    }

    public static Period year(int year) {
        return new Period(PeriodKind.YEAR, year, 1);
    }

    /** The last month (1–12) the period covers. */
    public int endMonth() {
        return index * kind.months();
    }

    public int startMonth() {
        return endMonth() - kind.months() + 1;
    }

    public LocalDate startDate() {
        return LocalDate.of(year, startMonth(), 1);
    }

    public LocalDate endDate() {
        return YearMonth.of(year, endMonth()).atEndOfMonth();
    }

    /** The same period one year earlier ("cùng kỳ"). */
    public Period previousYear() {
        return new Period(kind, year - 1, index);
    }

    /** Whether this period lies wholly inside {@code other}. */
    public boolean within(Period other) {
        return year == other.year && startMonth() >= other.startMonth() && endMonth() <= other.endMonth();
    }

    @Override
    public int compareTo(Period o) {
        return BY_END.compare(this, o);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case MONTH -> String.format("%04d-%02d", year, index);
            case QUARTER -> year + "-Q" + index;
            case HALF_YEAR -> year + "-H" + index;
            case YEAR -> Integer.toString(year);
        };
    }
}
