package vn.city.task.unit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;

/** What task-service reads of indicator-service's {@code unit-changed} event. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnitChanged(String code, String name, String kind, String parentCode, Boolean active,
                          LocalDate validFrom, LocalDate validTo) {
}
