package vn.city.common.period;

/** How long a reporting period is: month, quarter, half year or year. */
public enum PeriodKind {
    MONTH(1), QUARTER(3), HALF_YEAR(6), YEAR(12);

    private final int months;

    PeriodKind(int months) {
        this.months = months;
    }

    /** How many months a period of this kind covers. */
    public int months() {
        return months;
    }

    /** How many periods of this kind a year has. */
    public int perYear() {
        return 12 / months;
    }
}
