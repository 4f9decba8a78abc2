package vn.city.indicator.reporting;

import java.time.Instant;
import java.util.List;

/** For a period: which units have not yet reported which indicators (as known at {@code asOf}). */
public record Completeness(String period, Instant asOf, Instant deadline, int expected, int reported,
                           List<MissingUnit> missing) {

    public record MissingUnit(String unitCode, String unitName, List<String> indicatorCodes) {
    }
}
