package vn.city.meeting.narrative;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers the Vietnamese way: a dot groups thousands, a comma marks decimals (1739.5 → "1.739,5",
 * 84.258 → "84,258", 24252.92 → "24.252,92"). Trailing zeros are dropped; the sign is kept.
 */
public final class VietnameseNumberFormat {

    private VietnameseNumberFormat() {
    }

    /** The value as given, without rounding. */
    public static String format(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() < 0) {
            v = v.setScale(0, RoundingMode.UNNECESSARY);
        }
        String plain = v.abs().toPlainString();
        int dot = plain.indexOf('.');
        String integer = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < integer.length(); i++) {
            if (i > 0 && (integer.length() - i) % 3 == 0) {
                grouped.append('.');
            }
            grouped.append(integer.charAt(i));
        }
        String sign = v.signum() < 0 ? "-" : "";
        return sign + grouped + (fraction.isEmpty() ? "" : "," + fraction);
    }

    /** Rounded to at most {@code decimals} places (percentages are written with two). */
    public static String format(BigDecimal value, int decimals) {
        return value == null ? "" : format(value.setScale(decimals, RoundingMode.HALF_UP));
    }

    public static String format(double value) {
        return format(BigDecimal.valueOf(value));
    }
}
