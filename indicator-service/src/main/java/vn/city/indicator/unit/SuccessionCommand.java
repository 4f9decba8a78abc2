package vn.city.indicator.unit;

import java.time.LocalDate;

/** A succession to record (the unit is continued by successorCode from effectiveDate). */
public record SuccessionCommand(String successorCode,
        SuccessionKind kind,
        LocalDate effectiveDate,
        String note) {
}
