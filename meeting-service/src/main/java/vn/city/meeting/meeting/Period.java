package vn.city.meeting.meeting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A reporting period as the contracts write it: {@code 2022-06}, {@code 2022-Q2}, {@code 2022-H1}, {@code 2022}. */
public record Period(String code, int year, LocalDate start, LocalDate end, Kind kind, int number) {

    public enum Kind { MONTH, QUARTER, HALF_YEAR, YEAR }

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    public static Optional<Period> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Matcher m;
        if ((m = MONTH.matcher(code)).matches()) {
            YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            return Optional.of(new Period(code, ym.getYear(), ym.atDay(1), ym.atEndOfMonth(), Kind.MONTH, ym.getMonthValue()));
        }
        if ((m = QUARTER.matcher(code)).matches()) {
            int y = Integer.parseInt(m.group(1));
            int q = Integer.parseInt(m.group(2));
            return Optional.of(new Period(code, y, YearMonth.of(y, q * 3 - 2).atDay(1), YearMonth.of(y, q * 3).atEndOfMonth(),
                    Kind.QUARTER, q));
        }
        if ((m = HALF.matcher(code)).matches()) {
            int y = Integer.parseInt(m.group(1));
            int h = Integer.parseInt(m.group(2));
            return Optional.of(new Period(code, y, YearMonth.of(y, h * 6 - 5).atDay(1), YearMonth.of(y, h * 6).atEndOfMonth(),
                    Kind.HALF_YEAR, h));
        }
        if ((m = YEAR.matcher(code)).matches()) {
            int y = Integer.parseInt(m.group(1));
            return Optional.of(new Period(code, y, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), Kind.YEAR, y));
        }
        return Optional.empty();
    }

    public boolean contains(LocalDate date) {
        return date != null && !date.isBefore(start) && !date.isAfter(end);
    }

    /** The Vietnamese name of the period: "tháng 10/2017", "quý 2/2022", "6 tháng đầu năm 2022", "năm 2016". */
    public String label() {
        return switch (kind) {
            case MONTH -> "tháng " + number + "/" + year;
            case QUARTER -> "quý " + number + "/" + year;
            case HALF_YEAR -> number == 1 ? "6 tháng đầu năm " + year : "6 tháng cuối năm " + year;
            case YEAR -> "năm " + year;
        };
    }

    /** The next period of the same kind (the key tasks of "tháng 11/2017" follow the review of October). */
    public Period next() {
        return switch (kind) {
            case MONTH -> parse(YearMonth.from(start).plusMonths(1).toString()).orElseThrow();
            case QUARTER -> parse(number == 4 ? (year + 1) + "-Q1" : year + "-Q" + (number + 1)).orElseThrow();
            case HALF_YEAR -> parse(number == 2 ? (year + 1) + "-H1" : year + "-H2").orElseThrow();
            case YEAR -> parse(Integer.toString(year + 1)).orElseThrow();
        };
    }
}
