package vn.city.indicator.result;

public enum Status {
    ACHIEVED, ON_TRACK, BEHIND, NO_TARGET
}
