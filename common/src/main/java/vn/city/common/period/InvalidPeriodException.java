package vn.city.common.period;

/** A text is not a period in the contract spelling, or names a year outside 1900–2999. */
public class InvalidPeriodException extends IllegalArgumentException {

    public InvalidPeriodException(String message) {
        super(message);
    }
}
