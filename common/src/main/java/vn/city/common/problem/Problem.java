package vn.city.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** RFC 9457 problem details, with the offending fields and the rule each one broke. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldViolation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://city.local/problems/";

    /** A field (a JSON path such as {@code rows[3].value}) and the rule it broke. */
    public record FieldViolation(String field, String rule, String message) {
    }
}
