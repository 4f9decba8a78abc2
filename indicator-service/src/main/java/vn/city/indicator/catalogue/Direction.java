package vn.city.indicator.catalogue;

public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER
}
