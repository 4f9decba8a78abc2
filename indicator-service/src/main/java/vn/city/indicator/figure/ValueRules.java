package vn.city.indicator.figure;

import vn.city.common.problem.Problem;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a stored number must satisfy: at most 6 decimals and 14 integer digits (NUMERIC(20,6)), not negative unless
 * the indicator allows it, within 0–100 for a percent.
 */
public final class ValueRules {

    public static final int MAX_SCALE = 6;
    private static final int MAX_INTEGER_DIGITS = 14;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ValueRules() {
    }

    /** The number without trailing zeros and never in exponent form (4.150000 → 4.15, 100.000000 → 100). */
    public static BigDecimal normal(BigDecimal value) {
        return vn.city.indicator.result.Numbers.normal(value);
    }

    /** Adds the violations of {@code value} (named {@code field}) to {@code errors}; returns the normalised value. */
    public static BigDecimal check(String field, BigDecimal value, boolean allowNegative, boolean percent,
                                   List<Problem.FieldViolation> errors) {
        if (value == null) {
            return null;
        }
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() < 0) {
            v = v.setScale(0);
        }
        if (v.scale() > MAX_SCALE) {
            errors.add(new Problem.FieldViolation(field, "excess-precision",
                    "at most " + MAX_SCALE + " decimals are kept; " + value.toPlainString() + " has " + v.scale()));
        } else if (v.precision() - v.scale() > MAX_INTEGER_DIGITS) {
            errors.add(new Problem.FieldViolation(field, "too-large",
                    "at most " + MAX_INTEGER_DIGITS + " digits before the decimal mark"));
        }
        if (!allowNegative && v.signum() < 0) {
            errors.add(new Problem.FieldViolation(field, "non-negative", "this indicator takes no negative values"));
        }
        if (percent && (v.signum() < 0 || v.compareTo(HUNDRED) > 0)) {
            errors.add(new Problem.FieldViolation(field, "percent-range", "a percent lies between 0 and 100"));
        }
        return v;
    }
}
