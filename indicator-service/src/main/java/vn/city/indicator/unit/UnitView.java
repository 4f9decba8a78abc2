package vn.city.indicator.unit;

import java.time.LocalDate;
import java.util.List;

/** A unit as the API shows it; also the data of {@code unit-changed}. */
public record UnitView(String code, String name, UnitKind kind, String parentCode, boolean active,
                       LocalDate validFrom, LocalDate validTo, List<String> predecessorCodes,
                       List<String> successorCodes) {
}
