package vn.city.indicator.figure;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads a number written the Vietnamese way: a dot groups thousands and a comma marks decimals ("1.739,5" is
 * 1739.5, "24.252,92" is 24252.92, "2.123" is 2123 only when written "2.123,0" or "2123"). A plain decimal point
 * ("1739.5") is accepted too. A single dot followed by exactly three digits ("2.123") could be either and is
 * refused as ambiguous.
 */
public final class VietnameseNumber {

    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(\\.\\d{3})+(,\\d+)?");
    private static final Pattern PLAIN_COMMA = Pattern.compile("-?\\d+(,\\d+)?");
    private static final Pattern PLAIN_DOT = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern AMBIGUOUS = Pattern.compile("-?\\d{1,3}\\.\\d{3}");

    private VietnameseNumber() {
    }

    /** @throws IllegalArgumentException with the rule broken: {@code ambiguous} or {@code number-format} */
    public static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("number-format: the text is empty");
        }
        String t = text.trim().replace("\u00a0", "").replace(" ", "");
        if (AMBIGUOUS.matcher(t).matches()) {
            throw new IllegalArgumentException("ambiguous: '" + text + "' may mean " + t.replace(".", "")
                    + " or " + t + "; write '" + t + ",0' for thousands or use a comma for decimals");
        }
        if (GROUPED.matcher(t).matches()) {
            return new BigDecimal(t.replace(".", "").replace(',', '.'));
        }
        if (PLAIN_COMMA.matcher(t).matches()) {
            return new BigDecimal(t.replace(',', '.'));
        }
        if (PLAIN_DOT.matcher(t).matches()) {
            return new BigDecimal(t);
        }
        throw new IllegalArgumentException("number-format: '" + text
                + "' is not a number (Vietnamese style 1.739,5 or plain 1739.5)");
    }
}
