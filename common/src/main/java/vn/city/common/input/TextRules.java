package vn.city.common.input;

/**
 * The rules every service applies to text it is given, in a body, a query or a path: no control character but
 * tab, line feed and carriage return (PostgreSQL refuses NUL, and the others are never meant), and digits only in
 * ASCII where a number, year, period or date is read (a full-width {@code ２０２２} is refused, not read as 2022).
 */
public final class TextRules {

    /** Rule names, as they appear in a problem's {@code errors[].rule}. */
    public static final String CONTROL_CHARACTER = "control-character";
    public static final String ASCII_DIGITS = "ascii-digits";
    /** Answered by the problem mappers for a JSON key given twice in one object. */
    public static final String DUPLICATE_KEY = "duplicate-key";

    private TextRules() {
    }

    /** The index of the first forbidden control character, or -1 when there is none. */
    public static int forbiddenControl(CharSequence text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (isForbiddenControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** C0 and C1 controls and DEL, except tab, line feed and carriage return. */
    public static boolean isForbiddenControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
    }

    /** Whether the text holds a decimal digit that is not one of ASCII 0–9 (full-width, Arabic-Indic, ...). */
    public static boolean hasNonAsciiDigit(CharSequence text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7f && Character.isDigit(c)) {
                return true;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isDigit(Character.toCodePoint(c, text.charAt(i + 1)))) {
                return true;
            }
        }
        return false;
    }

    /** What a problem says about a forbidden control character: "contains control character U+0000 at ...". */
    public static String controlMessage(CharSequence text) {
        int at = forbiddenControl(text);
        return "contains control character U+" + String.format("%04X", (int) text.charAt(at))
                + " at position " + at + "; only tab, line feed and carriage return are allowed";
    }

    /** What a problem says about a non-ASCII digit. */
    public static String asciiDigitsMessage() {
        return "must be written with ASCII digits 0-9 (full-width and other digits are refused)";
    }
}
