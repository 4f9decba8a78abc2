package vn.city.indicator.unit;

import java.time.LocalDate;

/** A unit to create or change, as the service takes it. */
public record UnitDefinition(String code,
        String name,
        UnitKind kind,
        String parentCode,
        Boolean active,
        LocalDate validFrom,
        LocalDate validTo) {
}
