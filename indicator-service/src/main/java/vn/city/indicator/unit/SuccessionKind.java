package vn.city.indicator.unit;

public enum SuccessionKind {
    MERGE, SPLIT, RENAME
}
