package vn.city.indicator.target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

public record TargetView(String indicatorCode, int year, String unitCode, BigDecimal value, TargetKind kind,
                         String documentNumber, LocalDate documentDate, int revision, String note, String setBy,
                         OffsetDateTime setAt) {

    public static TargetView of(Target t) {
        return new TargetView(t.indicatorCode, t.year, t.unitCode, vn.city.indicator.figure.ValueRules.normal(t.value), t.kind, t.documentNumber, t.documentDate,
                t.revision, t.note, t.setBy, t.setAt);
    }
}
