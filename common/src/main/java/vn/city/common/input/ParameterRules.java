package vn.city.common.input;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.city.common.problem.ProblemException;

import java.util.List;
import java.util.Map;

/**
 * The {@link TextRules} for query and path parameters, before any resource reads them: a forbidden control
 * character or a non-ASCII digit is a request that cannot be read (400 naming the parameter).
 */
public class ParameterRules {

    @ServerRequestFilter
    public void check(ContainerRequestContext request) {
        check(request.getUriInfo().getPathParameters(), "path parameter");
        check(request.getUriInfo().getQueryParameters(), "query parameter");
    }

    private static void check(MultivaluedMap<String, String> params, String what) {
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            for (String value : e.getValue()) {
                if (TextRules.forbiddenControl(value) >= 0) {
                    throw ProblemException.badRequest(e.getKey(), TextRules.CONTROL_CHARACTER,
                            what + " " + e.getKey() + " " + TextRules.controlMessage(value));
                }
                if (TextRules.hasNonAsciiDigit(value)) {
                    throw ProblemException.badRequest(e.getKey(), TextRules.ASCII_DIGITS,
                            what + " " + e.getKey() + " " + TextRules.asciiDigitsMessage());
                }
            }
        }
    }
}
