package vn.city.task.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period as the contracts write it: month {@code 2022-06}, quarter {@code 2022-Q2}, half year
 * {@code 2022-H1}, year {@code 2022}. A larger period covers the smaller ones inside it.
 */
public record Period(int year, Kind kind, int index) {

    public enum Kind { MONTH, QUARTER, HALF, YEAR }

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    public static final String FORMAT = "2022-06 (month), 2022-Q2, 2022-H1 or 2022";

    public static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        Matcher m;
        if ((m = MONTH.matcher(s)).matches()) {
            return Optional.of(new Period(Integer.parseInt(m.group(1)), Kind.MONTH, Integer.parseInt(m.group(2))));
        }
        if ((m = QUARTER.matcher(s)).matches()) {
            return Optional.of(new Period(Integer.parseInt(m.group(1)), Kind.QUARTER, Integer.parseInt(m.group(2))));
        }
        if ((m = HALF.matcher(s)).matches()) {
            return Optional.of(new Period(Integer.parseInt(m.group(1)), Kind.HALF, Integer.parseInt(m.group(2))));
        }
        if ((m = YEAR.matcher(s)).matches()) {
            return Optional.of(new Period(Integer.parseInt(m.group(1)), Kind.YEAR, 0));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return switch (kind) {
            case MONTH -> "%d-%02d".formatted(year, index);
            case QUARTER -> year + "-Q" + index;
            case HALF -> year + "-H" + index;
            case YEAR -> Integer.toString(year);
        };
    }

    private int firstMonth() {
        return switch (kind) {
            case MONTH -> index;
            case QUARTER -> (index - 1) * 3 + 1;
            case HALF -> (index - 1) * 6 + 1;
            case YEAR -> 1;
        };
    }

    private int lastMonth() {
        return switch (kind) {
            case MONTH -> index;
            case QUARTER -> index * 3;
            case HALF -> index * 6;
            case YEAR -> 12;
        };
    }

    public boolean covers(Period other) {
        return year == other.year && firstMonth() <= other.firstMonth() && other.lastMonth() <= lastMonth();
    }

    /** This period and every period inside it, as labels: what a task's period must equal to belong to it. */
    public List<String> coveredLabels() {
        List<Period> all = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            all.add(new Period(year, Kind.MONTH, m));
        }
        for (int q = 1; q <= 4; q++) {
            all.add(new Period(year, Kind.QUARTER, q));
        }
        all.add(new Period(year, Kind.HALF, 1));
        all.add(new Period(year, Kind.HALF, 2));
        all.add(new Period(year, Kind.YEAR, 0));
        return all.stream().filter(this::covers).map(Period::toString).toList();
    }
}
