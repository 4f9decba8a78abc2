package vn.city.indicator.figure;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads a number written the Vietnamese way, as the texts and their authors write it: a dot groups thousands and a
 * comma marks decimals. {@code 4.785} = 4785, {@code 2.500} = 2500, {@code 84,258} = 84.258, {@code 1.739,5} =
 * 1739.5, {@code 1.739.500} = 1739500. A dot that does not group thousands ({@code 1739.5}, {@code 1.73}) is not
 * Vietnamese writing and is refused with a hint: a comma for decimals, or the JSON number field.
 */
public final class VietnameseNumber {

    /** Rule name of a dot used as a decimal point. */
    public static final String DECIMAL_POINT = "decimal-point";
    /** Rule name of anything else that is not a number. */
    public static final String NUMBER_FORMAT = "number-format";

    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(\\.\\d{3})+(,\\d+)?");
    private static final Pattern PLAIN = Pattern.compile("-?\\d+(,\\d+)?");
    private static final Pattern DOT_DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)+(,\\d+)?");

    private VietnameseNumber() {
    }

    /** @throws IllegalArgumentException "rule: message" with the rule broken: {@code decimal-point} or {@code number-format} */
    public static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(NUMBER_FORMAT + ": the text is empty");
        }
        String t = text.trim().replace("\u00a0", "").replace(" ", "");
        if (GROUPED.matcher(t).matches()) {
            return new BigDecimal(t.replace(".", "").replace(',', '.'));
        }
        if (PLAIN.matcher(t).matches()) {
            return new BigDecimal(t.replace(',', '.'));
        }
        if (DOT_DECIMAL.matcher(t).matches()) {
            throw new IllegalArgumentException(DECIMAL_POINT + ": in '" + text + "' a dot groups thousands (1.739.500), "
                    + "so it cannot mark decimals; write a comma for decimals ('" + t.replace('.', ',')
                    + "') or send the JSON number field value");
        }
        throw new IllegalArgumentException(NUMBER_FORMAT + ": '" + text
                + "' is not a number written the Vietnamese way (1.739,5 or 84,258); or send the JSON number field value");
    }
}
