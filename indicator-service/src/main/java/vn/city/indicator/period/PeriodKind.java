package vn.city.indicator.period;

/** How long a reporting period is: month, quarter, half year or year. */
public enum PeriodKind {
    MONTH(1), QUARTER(3), HALF_YEAR(6), YEAR(12);

    private final int months;

    PeriodKind(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }
}
