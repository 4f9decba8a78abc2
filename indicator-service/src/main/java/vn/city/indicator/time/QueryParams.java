package vn.city.indicator.time;

import vn.city.common.problem.ProblemException;
import vn.city.common.period.Period;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reads the query parameters every read endpoint shares; a bad one is a 400 naming it. */
public final class QueryParams {

    private QueryParams() {
    }

    /** {@code asOf} as an ISO instant ({@code 2022-06-30T10:00:00Z} or with an offset); absent means now. */
    public static Instant asOf(String text, Clock clock) {
        if (text == null || text.isBlank()) {
            return clock.instant();
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("asOf", "instant",
                    "'" + text + "' is not an ISO-8601 instant such as 2022-06-30T10:00:00Z");
        }
    }

    public static Period period(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("period", "required", "the period query parameter is required");
        }
        try {
            return Period.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("period", "format", e.getMessage());
        }
    }

    public static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(name, "required", "the " + name + " query parameter is required");
        }
        return value;
    }
}
