package vn.city.indicator.result;

/** Year-on-year change of a flow is a percent; of a level, a difference in percentage points (or units). */
public enum ChangeKind {
    PERCENT, POINTS
}
