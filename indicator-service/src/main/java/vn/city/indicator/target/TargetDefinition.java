package vn.city.indicator.target;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A target to set or revise; unitCode null is the city's. */
public record TargetDefinition(String indicatorCode,
        Integer year,
        String unitCode,
        BigDecimal value,
        String valueText,
        TargetKind kind,
        String documentNumber,
        LocalDate documentDate,
        String note) {
}
