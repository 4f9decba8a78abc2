package vn.city.meeting.document;

/**
 * A document's number and symbol ("số, ký hiệu"): the number within the issuing body's register of the year, the type
 * and the issuer, written {@code 125/TB-UBND}.
 */
public record DocumentNumber(int number, DocumentType type, String issuer, int year) {

    public DocumentNumber {
        if (number < 1) {
            throw new IllegalArgumentException("a document number starts at 1");
        }
    }

    /** The symbol: {@code TB-UBND}. */
    public String symbol() {
        return type.name() + "-" + issuer;
    }

    /** Decree 30 writes numbers below 10 with a leading zero: {@code 07/TB-UBND}. */
    @Override
    public String toString() {
        return (number < 10 ? "0" + number : Integer.toString(number)) + "/" + symbol();
    }

    /** As printed under the issuing body: {@code Số: 125/TB-UBND}. */
    public String display() {
        return "Số: " + this;
    }
}
