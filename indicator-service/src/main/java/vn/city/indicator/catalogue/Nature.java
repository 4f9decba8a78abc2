package vn.city.indicator.catalogue;

/** How an indicator's figures combine over a year. */
public enum Nature {
    /** Summed over the year's months (budget revenue, retail sales). */
    FLOW,
    /** The latest value stands (poverty rate, yield, structure shares). */
    LEVEL,
    /** Percent of a plan done so far (seeding, land preparation). */
    PROGRESS;

    public boolean summable() {
        return this == FLOW;
    }
}
