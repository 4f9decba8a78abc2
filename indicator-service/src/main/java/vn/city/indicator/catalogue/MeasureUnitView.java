package vn.city.indicator.catalogue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record MeasureUnitView(@NotBlank @Size(max = 60) String code, @NotBlank @Size(max = 200) String name) {
}
