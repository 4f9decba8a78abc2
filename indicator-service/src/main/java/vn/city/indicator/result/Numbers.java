package vn.city.indicator.result;

import java.math.BigDecimal;

/** How numbers are shown: without trailing zeros and never in exponent form (4.150000 → 4.15, 100.000000 → 100). */
public final class Numbers {

    private Numbers() {
    }

    public static BigDecimal normal(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }
}
