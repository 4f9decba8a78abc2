package vn.city.indicator.unit.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.city.indicator.unit.SuccessionKind;

import java.time.LocalDate;

/** The unit in the path is continued by {@code successorCode} from {@code effectiveDate}. */
public record SuccessionRequest(@NotBlank @Size(max = 40) String successorCode, @NotNull SuccessionKind kind,
                                @NotNull LocalDate effectiveDate, @Size(max = 2000) String note) {

    public vn.city.indicator.unit.SuccessionCommand toCommand() {
        return new vn.city.indicator.unit.SuccessionCommand(successorCode, kind, effectiveDate, note);
    }

}
