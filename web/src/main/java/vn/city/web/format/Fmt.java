package vn.city.web.format;

import io.quarkus.qute.TemplateExtension;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** {@code {fmt:n(x)}} and friends: numbers and dates as Vietnamese writes them; null → "–". */
@TemplateExtension(namespace = "fmt")
public final class Fmt {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private Fmt() {
    }

    static String n(BigDecimal value) {
        return VietnameseNumbers.format(value);
    }

    static String pct(BigDecimal value) {
        return VietnameseNumbers.percent(value);
    }

    static String chg(BigDecimal value, String kind) {
        return VietnameseNumbers.change(value, kind);
    }

    static String input(BigDecimal value) {
        return VietnameseNumbers.input(value);
    }

    static String day(LocalDate d) {
        return d == null ? "–" : DAY.format(d);
    }

    static String at(OffsetDateTime t) {
        return t == null ? "–" : DAY_TIME.format(t.atZoneSameInstant(Labels.CITY_ZONE));
    }

    /** An ISO date ({@code 2022-06-14}) as {@code 14/06/2022}. */
    static String isoDay(String iso) {
        if (iso == null || iso.isBlank()) {
            return "–";
        }
        try {
            return DAY.format(LocalDate.parse(iso));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    /** An ISO instant as the services write it ({@code 2022-06-20T16:59:59.999Z}) in the city's time. */
    static String ts(String iso) {
        if (iso == null || iso.isBlank()) {
            return "–";
        }
        try {
            return DAY_TIME.format(Instant.parse(iso).atZone(Labels.CITY_ZONE));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }
}
