package vn.city.web.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as Vietnamese writes them: a dot groups thousands, a comma marks decimals ({@code 4.785}, {@code 1.739,5},
 * {@code 145.244,67}). Display only: what a person types is sent to the service as typed ({@code valueText}), and
 * the service alone decides whether it is a number.
 */
public final class VietnameseNumbers {

    private static final DecimalFormatSymbols SYMBOLS = new DecimalFormatSymbols(Locale.ROOT);

    static {
        SYMBOLS.setGroupingSeparator('.');
        SYMBOLS.setDecimalSeparator(',');
        SYMBOLS.setMinusSign('-');
    }

    private VietnameseNumbers() {
    }

    /** Up to {@code maxDecimals} decimals, trailing zeros dropped; null → "–". */
    public static String format(BigDecimal value, int maxDecimals) {
        if (value == null) {
            return "–";
        }
        DecimalFormat f = new DecimalFormat("#,##0", SYMBOLS);
        f.setMaximumFractionDigits(maxDecimals);
        f.setMinimumFractionDigits(0);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(value);
    }

    public static String format(BigDecimal value) {
        return format(value, 3);
    }

    /** A percentage with two decimals at most: {@code 50,58%}. */
    public static String percent(BigDecimal value) {
        return value == null ? "–" : format(value, 2) + "%";
    }

    /** A signed change: {@code +4,85%}, {@code -0,32 điểm %}. */
    public static String change(BigDecimal value, String kind) {
        if (value == null) {
            return "–";
        }
        String sign = value.signum() > 0 ? "+" : "";
        return sign + format(value, 2) + ("POINTS".equals(kind) ? " điểm %" : "%");
    }

    /** A value for an input field: no grouping, comma decimals ({@code 1739,5}), so it reads back unambiguously. */
    public static String input(BigDecimal value) {
        if (value == null) {
            return "";
        }
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
