package vn.city.common.period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period as every contract of the system spells it: month {@code 2022-06}, quarter {@code 2022-Q2},
 * half year {@code 2022-H1}, year {@code 2022}. Years run from 1900 to 2999. {@code index} counts the period
 * within its year from 1 (the year itself has index 1).
 *
 * <p>One reading for every service: the year is exactly four ASCII digits, a month exactly two; the letters
 * {@code Q} and {@code H} may be written in lower case and spaces or tabs around the text are ignored. Anything else
 * (full-width or other non-ASCII digits, {@code 2022-6}, {@code 0001-01}, {@code 2022-Q5}) is refused.
 * {@link #toString()} is the one canonical form, the one stored and published.
 */
public record Period(PeriodKind kind, int year, int index) implements Comparable<Period> {

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2999;

    /** What a client is told when a period cannot be read. */
    public static final String FORMAT = "2022-06 (month), 2022-Q2 (quarter), 2022-H1 (half year) or 2022 (year),"
            + " years " + MIN_YEAR + "–" + MAX_YEAR;

    // [0-9], never \d with UNICODE_CHARACTER_CLASS: only ASCII digits are digits here.
    private static final Pattern SPELLING = Pattern.compile(
            "[ \\t]*([0-9]{4})(?:-(?:([0-9]{2})|([Qq])([0-9])|([Hh])([0-9])))?[ \\t]*");

    /** Orders by the month a period ends in, then longer periods after shorter ones. */
    public static final Comparator<Period> BY_END = Comparator.comparingInt((Period p) -> p.year())
            .thenComparingInt(Period::endMonth).thenComparingInt(p -> p.kind().months());

    public Period {
        if (kind == null) {
            throw new InvalidPeriodException("a period needs a kind");
        }
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidPeriodException("year " + year + " is outside " + MIN_YEAR + "–" + MAX_YEAR);
        }
        if (index < 1 || index > kind.perYear()) {
            throw new InvalidPeriodException(kind + " index must be between 1 and " + kind.perYear());
        }
    }

    /** Reads the contract spelling; throws {@link InvalidPeriodException} saying why otherwise. */
    public static Period parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidPeriodException("a period is required: " + FORMAT);
        }
        Matcher m = SPELLING.matcher(text);
        if (!m.matches()) {
            throw new InvalidPeriodException("'" + printable(text) + "' is not a period: " + FORMAT);
        }
        int year = Integer.parseInt(m.group(1));
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidPeriodException("'" + printable(text) + "' is not a period: year " + year
                    + " is outside " + MIN_YEAR + "–" + MAX_YEAR);
        }
        try {
            if (m.group(2) != null) {
                return new Period(PeriodKind.MONTH, year, Integer.parseInt(m.group(2)));
            }
            if (m.group(3) != null) {
                return new Period(PeriodKind.QUARTER, year, Integer.parseInt(m.group(4)));
            }
            if (m.group(5) != null) {
                return new Period(PeriodKind.HALF_YEAR, year, Integer.parseInt(m.group(6)));
            }
            return new Period(PeriodKind.YEAR, year, 1);
        } catch (InvalidPeriodException e) {
            throw new InvalidPeriodException("'" + printable(text) + "' is not a period: " + e.getMessage());
        }
    }

    /** The period, or empty when the text is not one (null included). */
    public static Optional<Period> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (InvalidPeriodException e) {
            return Optional.empty();
        }
    }

    /** Whether the text reads as a period. */
    public static boolean isValid(String text) {
        return tryParse(text).isPresent();
    }

    /** The canonical spelling of a text that reads as a period. */
    public static String canonical(String text) {
        return parse(text).toString();
    }

    public static Period month(int year, int month) {
        return new Period(PeriodKind.MONTH, year, month);
    }

    public static Period quarter(int year, int quarter) {
        return new Period(PeriodKind.QUARTER, year, quarter);
    }

    public static Period half(int year, int half) {
        return new Period(PeriodKind.HALF_YEAR, year, half);
    }

    public static Period year(int year) {
        return new Period(PeriodKind.YEAR, year, 1);
    }

    /** The last month (1–12) the period covers. */
    public int endMonth() {
        return index * kind.months();
    }

    /** The first month (1–12) the period covers. */
    public int startMonth() {
        return endMonth() - kind.months() + 1;
    }

    public LocalDate startDate() {
        return LocalDate.of(year, startMonth(), 1);
    }

    public LocalDate endDate() {
        return YearMonth.of(year, endMonth()).atEndOfMonth();
    }

    /** Whether the day falls inside the period. */
    public boolean contains(LocalDate date) {
        return date != null && !date.isBefore(startDate()) && !date.isAfter(endDate());
    }

    /** Whether this period lies wholly inside {@code other}. */
    public boolean within(Period other) {
        return other.covers(this);
    }

    /** Whether {@code other} lies wholly inside this period. */
    public boolean covers(Period other) {
        return year == other.year && startMonth() <= other.startMonth() && other.endMonth() <= endMonth();
    }

    /** This period and every period of any kind inside it, months first, the period itself last. */
    public List<Period> coveredPeriods() {
        List<Period> all = new ArrayList<>();
        for (PeriodKind k : PeriodKind.values()) {
            for (int i = 1; i <= k.perYear(); i++) {
                Period p = new Period(k, year, i);
                if (covers(p)) {
                    all.add(p);
                }
            }
        }
        return all;
    }

    /** The canonical spellings of {@link #coveredPeriods()}. */
    public List<String> coveredLabels() {
        return coveredPeriods().stream().map(Period::toString).toList();
    }

    /** The same period one year earlier ("cùng kỳ"). */
    public Period previousYear() {
        return new Period(kind, year - 1, index);
    }

    /** The next period of the same kind (December is followed by January of the next year). */
    public Period next() {
        return index == kind.perYear() ? new Period(kind, year + 1, 1) : new Period(kind, year, index + 1);
    }

    /** The Vietnamese name: "tháng 6/2022", "quý 2/2022", "6 tháng đầu năm 2022", "năm 2016". */
    public String label() {
        return switch (kind) {
            case MONTH -> "tháng " + index + "/" + year;
            case QUARTER -> "quý " + index + "/" + year;
            case HALF_YEAR -> index == 1 ? "6 tháng đầu năm " + year : "6 tháng cuối năm " + year;
            case YEAR -> "năm " + year;
        };
    }

    @Override
    public int compareTo(Period o) {
        return BY_END.compare(this, o);
    }

    /** The canonical spelling: {@code 2022-06}, {@code 2022-Q2}, {@code 2022-H1}, {@code 2022}. */
    @Override
    public String toString() {
        return switch (kind) {
            case MONTH -> year + (index < 10 ? "-0" : "-") + index;
            case QUARTER -> year + "-Q" + index;
            case HALF_YEAR -> year + "-H" + index;
            case YEAR -> Integer.toString(year);
        };
    }

    private static String printable(String text) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().limit(40).forEach(c -> {
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
