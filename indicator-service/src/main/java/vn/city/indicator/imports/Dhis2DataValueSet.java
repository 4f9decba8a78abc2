package vn.city.indicator.imports;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The DHIS2 {@code dataValueSets} JSON: {@code dataElement} is an indicator code, {@code orgUnit} a unit code,
 * {@code period} a DHIS2 period (202206, 2022Q2, 2022S1, 2022); set-level period and orgUnit apply to values that
 * omit them. Fields DHIS2 sends that this service does not use are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Dhis2DataValueSet(String dataSet, String period, String orgUnit, String completeDate,
                                @NotNull @Size(min = 1, max = 5000) List<@Valid @NotNull DataValue> dataValues) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DataValue(String dataElement, String period, String orgUnit, String value, String comment) {
    }
}
