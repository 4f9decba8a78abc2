package vn.city.task.task;

public enum Priority {
    HIGH, NORMAL, LOW;

    /** Tolerant reading of a producer's value: unknown or missing means NORMAL. */
    public static Priority parse(String value) {
        if (value == null) {
            return NORMAL;
        }
        try {
            return valueOf(value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            return NORMAL;
        }
    }
}
