package vn.city.indicator.unit;

public enum UnitKind {
    CITY, DEPARTMENT, WARD, COMMUNE
}
