package vn.city.indicator.imports;

import vn.city.common.period.Period;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DHIS2's period spelling (202206, 2022Q2, 2022S1, 2022) and the contracts' (2022-06, 2022-Q2, 2022-H1, 2022). */
public final class Dhis2 {

    private static final Pattern PERIOD = Pattern.compile("(\\d{4})(?:(\\d{2})|Q([1-4])|S([12]))?");

    private Dhis2() {
    }

    /** The contract spelling of a DHIS2 period, or null when the text is not one. */
    public static String period(String text) {
        Matcher m = PERIOD.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        if (m.group(2) != null) {
            return m.group(1) + "-" + m.group(2);
        }
        if (m.group(3) != null) {
            return m.group(1) + "-Q" + m.group(3);
        }
        if (m.group(4) != null) {
            return m.group(1) + "-H" + m.group(4);
        }
        return m.group(1);
    }

    public static String period(Period p) {
        return switch (p.kind()) {
            case MONTH -> String.format("%04d%02d", p.year(), p.index());
            case QUARTER -> p.year() + "Q" + p.index();
            case HALF_YEAR -> p.year() + "S" + p.index();
            case YEAR -> Integer.toString(p.year());
        };
    }
}
