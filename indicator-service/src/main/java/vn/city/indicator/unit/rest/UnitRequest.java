package vn.city.indicator.unit.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.city.indicator.unit.UnitKind;

import java.time.LocalDate;

/** Creates or updates a unit ({@code code} is ignored on update: the path names the unit). */
public record UnitRequest(
        @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}", message = "2-40 upper-case letters, digits or '-'") String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull UnitKind kind,
        @Size(max = 40) String parentCode,
        Boolean active,
        @NotNull LocalDate validFrom,
        LocalDate validTo) {

    public vn.city.indicator.unit.UnitDefinition toCommand() {
        return new vn.city.indicator.unit.UnitDefinition(code, name, kind, parentCode, active, validFrom, validTo);
    }

}
