package vn.city.indicator.catalogue;

/**
 * How the change against the same period last year is expressed: a percent for flows, percentage points for rates,
 * the measure unit itself for levels such as "tạ/ha" or "tiêu chí".
 */
public enum ChangeKind {
    PERCENT, POINTS, UNITS;

    /** The usual kind for an indicator of this nature and measure unit. */
    public static ChangeKind defaultFor(Nature nature, boolean percent) {
        if (nature.summable()) {
            return PERCENT;
        }
        return percent ? POINTS : UNITS;
    }
}
