package vn.city.indicator.target.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.city.indicator.target.TargetKind;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An annual target; {@code unitCode} null sets the city's. Give {@code value} or {@code valueText} ("3.439,1"). */
public record TargetRequest(@NotBlank @Size(max = 60) String indicatorCode,
                            @NotNull @Min(1990) @Max(2100) Integer year,
                            @Size(max = 40) String unitCode,
                            BigDecimal value,
                            @Size(max = 40) String valueText,
                            @NotNull TargetKind kind,
                            @NotBlank @Size(max = 60) String documentNumber,
                            @NotNull LocalDate documentDate,
                            @Size(max = 2000) String note) {

    public vn.city.indicator.target.TargetDefinition toCommand() {
        return new vn.city.indicator.target.TargetDefinition(indicatorCode, year, unitCode, value, valueText, kind, documentNumber, documentDate, note);
    }

}
