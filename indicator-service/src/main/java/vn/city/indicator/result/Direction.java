package vn.city.indicator.result;

public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER
}
