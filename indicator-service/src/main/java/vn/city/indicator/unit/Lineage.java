package vn.city.indicator.unit;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit and the units it continues (merged into it, split off into it or renamed to it), with the date each
 * succession took effect: a predecessor's figures count for the successor for periods that ended before that date.
 */
public record Lineage(String unitCode, List<Predecessor> predecessors) {

    public record Predecessor(String unitCode, LocalDate effectiveDate) {
    }

    public static Lineage alone(String unitCode) {
        return new Lineage(unitCode, List.of());
    }

    public List<String> unitCodes() {
        java.util.List<String> codes = new java.util.ArrayList<>();
        codes.add(unitCode);
        predecessors.forEach(p -> codes.add(p.unitCode()));
        return codes;
    }
}
