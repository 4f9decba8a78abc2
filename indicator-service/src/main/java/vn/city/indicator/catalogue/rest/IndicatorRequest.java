package vn.city.indicator.catalogue.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.city.indicator.catalogue.Aggregation;
import vn.city.indicator.catalogue.ChangeKind;
import vn.city.indicator.catalogue.Direction;
import vn.city.indicator.catalogue.Nature;

import java.util.List;

/**
 * Creates or updates a catalogue entry ({@code code} is taken from the path on update). {@code aggregation} says
 * how the city's figure is formed (default OWNER_REPORTED); WEIGHTED needs {@code numeratorCode} and
 * {@code denominatorCode}. {@code changeKind} defaults to PERCENT for a flow, POINTS for a percent, else UNITS;
 * {@code decimals} (default 2) is how many decimals a value is shown with.
 */
public record IndicatorRequest(
        @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{1,59}", message = "2-60 upper-case letters, digits, '_' or '-'") String code,
        @NotBlank @Size(max = 300) String name,
        @NotBlank @Size(max = 60) String measureUnit,
        @NotNull Nature nature,
        @NotNull Direction direction,
        @NotBlank @Size(max = 40) String ownerUnit,
        @NotBlank @Size(max = 100) String category,
        Boolean active,
        Boolean allowNegative,
        @Size(max = 200) List<@NotBlank String> reportingUnits,
        Aggregation aggregation,
        @Size(max = 60) String numeratorCode,
        @Size(max = 60) String denominatorCode,
        ChangeKind changeKind,
        @Min(0) @Max(6) Integer decimals) {

    public vn.city.indicator.catalogue.IndicatorDefinition toCommand() {
        return new vn.city.indicator.catalogue.IndicatorDefinition(code, name, measureUnit, nature, direction, ownerUnit, category, active, allowNegative, reportingUnits, aggregation, numeratorCode, denominatorCode, changeKind, decimals);
    }

}
