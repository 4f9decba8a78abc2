package vn.city.indicator;

/** The short names of the events this service publishes on {@code indicator-events}. */
public final class EventNames {
    public static final String UNIT_CHANGED = "unit-changed";
    public static final String INDICATOR_CHANGED = "indicator-changed";
    public static final String TARGET_SET = "target-set";
    public static final String FIGURE_SUBMITTED = "figure-submitted";
    public static final String INDICATOR_OFF_TRACK = "indicator-off-track";
    public static final String CITY_RESULT_CHANGED = "city-result-changed";

    private EventNames() {
    }
}
