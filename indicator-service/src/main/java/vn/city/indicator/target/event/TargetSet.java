package vn.city.indicator.target.event;

import vn.city.indicator.target.TargetKind;

import java.math.BigDecimal;
import java.time.LocalDate;

/** {@code target-set}: a target or a revision of one; {@code unitCode} null is the city's target. */
public record TargetSet(String indicatorCode, int year, String unitCode, BigDecimal value, TargetKind kind,
                        String documentNumber, LocalDate documentDate, int revision) {
}
