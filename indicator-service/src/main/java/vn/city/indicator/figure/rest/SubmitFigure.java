package vn.city.indicator.figure.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.city.indicator.result.FigureVersion;

import java.math.BigDecimal;

/**
 * One figure. Give the number either as {@code value} (a JSON number, at most 6 decimals) or as {@code valueText},
 * written the Vietnamese way ("1.739,5" = 1739.5; "1739.5" is accepted too). {@code yearToDate} is the "lũy kế"
 * when the unit states it (a flow's year to date then comes from it). {@code measureUnit}, when given, must be the
 * indicator's.
 */
public record SubmitFigure(@NotBlank @Size(max = 60) String indicatorCode,
                           @NotBlank @Size(max = 40) String unitCode,
                           @NotBlank @Size(max = 10) String period,
                           @NotNull FigureVersion version,
                           BigDecimal value,
                           @Size(max = 40) String valueText,
                           BigDecimal yearToDate,
                           @Size(max = 60) String measureUnit,
                           @Size(max = 2000) String note) {

    public vn.city.indicator.figure.FigureCommand toCommand() {
        return new vn.city.indicator.figure.FigureCommand(indicatorCode, unitCode, period, version, value, valueText, yearToDate, measureUnit, note);
    }

}
