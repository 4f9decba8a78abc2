package vn.city.indicator.catalogue;

/** How the city's figure of an indicator is formed from the unit tree. */
public enum Aggregation {
    /** The owner unit's own figure (else the CITY unit's); wards' figures are its breakdown, never added to it. */
    OWNER_REPORTED,
    /** The sum of the wards and communes under the city that report it; the owner's figure is never added. */
    SUM_OF_UNITS,
    /** A rate: the city's numerator indicator over its denominator indicator (× 100 for a percent). */
    WEIGHTED,
    /** No city figure. */
    NOT_AGGREGATED
}
