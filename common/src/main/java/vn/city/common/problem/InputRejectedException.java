package vn.city.common.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A JSON value broke one of the input rules ({@code vn.city.common.input.TextRules}). It is a {@link JsonMappingException} so Jackson adds the path of
 * the offending field while it unwinds; the problem mapper answers it with the status and rule it carries.
 */
public class InputRejectedException extends JsonMappingException {

    private final int status;
    private final String rule;

    public InputRejectedException(JsonParser parser, int status, String rule, String message) {
        super(parser, message);
        this.status = status;
        this.rule = rule;
    }

    public int status() {
        return status;
    }

    public String rule() {
        return rule;
    }
}
