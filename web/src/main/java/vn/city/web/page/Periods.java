package vn.city.web.page;

import vn.city.web.format.Labels;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Month periods ({@code 2022-06}) the pages offer, in the city's time zone. */
final class Periods {

    private Periods() {
    }

    static YearMonth currentMonth() {
        return YearMonth.from(LocalDate.now(Labels.CITY_ZONE));
    }

    /** The month asked for, if it is a well-formed month that has started; else the current month. */
    static YearMonth monthOr(String asked) {
        YearMonth now = currentMonth();
        if (asked != null && asked.matches("\\d{4}-\\d{2}")) {
            try {
                YearMonth m = YearMonth.parse(asked);
                if (!m.isAfter(now) && m.getYear() >= 1900) {
                    return m;
                }
            } catch (java.time.format.DateTimeParseException e) {
                // fall through
            }
        }
        return now;
    }

    /** The current month and the {@code count - 1} before it, newest first. */
    static List<String> recentMonths(int count) {
        List<String> out = new ArrayList<>();
        YearMonth m = currentMonth();
        for (int i = 0; i < count; i++) {
            out.add(m.minusMonths(i).toString());
        }
        return out;
    }
}
