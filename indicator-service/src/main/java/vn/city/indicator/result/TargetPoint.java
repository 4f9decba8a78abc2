package vn.city.indicator.result;

import java.math.BigDecimal;
import java.time.Instant;

/** One revision of an annual target as the results need it; {@code unitCode} null is the city's target. */
public record TargetPoint(String unitCode, BigDecimal value, int revision, Instant setAt) {
}
