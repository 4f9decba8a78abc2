package vn.city.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import io.quarkus.arc.Arc;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import vn.city.common.availability.DependencyUnavailable;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.UUID;
import java.util.stream.Collectors;

/** The one place where exceptions become RFC 9457 answers: rule, field and status, never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldViolation> errors = e.getConstraintViolations().stream()
                .map(ProblemMappers::violation)
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .collect(Collectors.toList());
        return respond(new Problem(Problem.TYPE_BASE + "validation", "The request breaks a rule", 400,
                errors.size() + " field(s) break a rule", path(uri), errors));
    }

    @ServerExceptionMapper
    public Response jsonSyntax(JsonParseException e, UriInfo uri) {
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            String key = duplicate.group(1);
            String field = duplicatePath(e, key);
            return badJson(field, "duplicate-key", "key '" + key + "' appears more than once in the same object", uri);
        }
        return badJson("body", "json-syntax", "the body is not valid JSON: " + e.getOriginalMessage(), uri);
    }

    /** A JSON value broke one of the input rules every service applies (control characters, ASCII digits). */
    @ServerExceptionMapper
    public Response inputRejected(InputRejectedException e, UriInfo uri) {
        String field = fieldPath(e);
        String message = field + " " + e.getOriginalMessage();
        String slug = e.status() == 422 ? "validation" : "bad-request";
        String title = e.status() == 422 ? "The request breaks a rule" : "The request cannot be read";
        return respond(new Problem(Problem.TYPE_BASE + slug, title, e.status(), message, path(uri),
                List.of(new Problem.FieldViolation(field, e.rule(), message))));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return badJson(fieldPath(e), "unknown-field", "field '" + e.getPropertyName() + "' is not part of this request", uri);
    }

    @ServerExceptionMapper
    public Response wrongType(InvalidFormatException e, UriInfo uri) {
        String expected = e.getTargetType() == null ? "another type" : e.getTargetType().getSimpleName();
        return badJson(fieldPath(e), "type", "value '" + e.getValue() + "' is not a valid " + expected, uri);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        String expected = e.getTargetType() == null ? "the expected shape" : e.getTargetType().getSimpleName();
        return badJson(fieldPath(e), "type", "value does not match " + expected, uri);
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof ProblemException p) {
            return problem(p, uri);
        }
        if (cause instanceof JsonParseException syntax) {
            // A syntax error inside an object being read (a duplicate key among them), wrapped with the path so far.
            return jsonSyntax(syntax, uri);
        }
        String message = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getOriginalMessage();
        return badJson(fieldPath(e), "type", message, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return badJson("body", "json", "the body cannot be read: " + e.getOriginalMessage(), uri);
    }

    @ServerExceptionMapper
    public Uni<Response> unauthorized(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return keycloakAware(SecurityProblems.unauthorized(path(uri)), e, headers);
    }

    @ServerExceptionMapper
    public Uni<Response> authenticationFailed(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        return keycloakAware(SecurityProblems.unauthorized(path(uri)), e, headers);
    }

    /** The policy enforcer's refusal: 403, or 503 when it could not ask Keycloak (see {@link SecurityProblems}). */
    @ServerExceptionMapper
    public Uni<Response> forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return keycloakAware(SecurityProblems.forbidden(path(uri)), e, headers);
    }

    private static Uni<Response> keycloakAware(Problem problem, Throwable e, HttpHeaders headers) {
        String authorization = headers == null ? null : headers.getHeaderString("Authorization");
        return Arc.container().instance(SecurityProblems.class).get()
                .keycloakAware(authorization, problem, e, problem.instance())
                .map(p -> p.status() == 503
                        ? Response.fromResponse(respond(p)).header("Retry-After",
                                Integer.toString(SecurityProblems.IDENTITY_RETRY_AFTER_SECONDS)).build()
                        : respond(p));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response unreadable = unreadable(e.getCause(), uri);
        if (unreadable != null) {
            return unreadable;
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String slug = title.toLowerCase().replace(' ', '-');
        return respond(new Problem(Problem.TYPE_BASE + slug, title, status, e.getMessage(), path(uri), List.of()));
    }

    /**
     * What Jackson threw while the body was read, answered with its field and rule. Quarkus's JSON body reader rethrows
     * only {@link MismatchedInputException}; a syntax error (a duplicate key among them) and any other mapping error
     * (the {@link InputRejectedException} of {@code StrictJson}'s rules among them) reach the mappers wrapped in a
     * 400 {@link WebApplicationException}. Null when the cause is none of Jackson's.
     */
    private Response unreadable(Throwable cause, UriInfo uri) {
        if (cause instanceof InputRejectedException rejected) {
            return inputRejected(rejected, uri);
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown, uri);
        }
        if (cause instanceof InvalidFormatException format) {
            return wrongType(format, uri);
        }
        if (cause instanceof MismatchedInputException mismatched) {
            return mismatched(mismatched, uri);
        }
        if (cause instanceof JsonMappingException mapping) {
            return mapping(mapping, uri);
        }
        if (cause instanceof JsonParseException syntax) {
            return jsonSyntax(syntax, uri);
        }
        if (cause instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        return null;
    }

    /**
     * Where a duplicate key sits: the path of the object that holds it ({@code directives[0].leadUnit}), read from the
     * parser's context at the moment it refused the key; the bare key when the parser is not at hand.
     */
    static String duplicatePath(JsonParseException e, String key) {
        JsonParser parser = e.getProcessor();
        if (parser == null || parser.getParsingContext() == null) {
            return key;
        }
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = parser.getParsingContext().getParent(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        StringBuilder sb = new StringBuilder();
        parts.forEach(sb::append);
        sb.append('.').append(key);
        return sb.charAt(0) == '.' ? sb.substring(1) : sb.toString();
    }

    /** Seconds a client should wait before retrying a request refused because the database is away. */
    static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DependencyUnavailable.isUnavailable(e)) {
            // the database is away (stopped, restarting, unreachable): nothing of the request was committed, unless
            // the commit itself was in flight, and then all of it (with its outbox event); the client retries
            LOG.warnf("request refused with 503, the database is unavailable: %s", e.toString());
            return Response.fromResponse(respond(new Problem(Problem.TYPE_BASE + "database-unavailable",
                            "Service unavailable", 503, "the database is unavailable; retry later", path(uri), List.of())))
                    .header("Retry-After", Integer.toString(DATABASE_RETRY_AFTER_SECONDS)).build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, incident %s", incident);
        return respond(new Problem(Problem.TYPE_BASE + "internal", "Internal error", 500,
                "The server failed; incident " + incident + " is logged", path(uri), List.of()));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Response badJson(String field, String rule, String message, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "bad-request", "The request cannot be read", 400, message,
                path(uri), List.of(new Problem.FieldViolation(field, rule, message))));
    }

    private static Problem.FieldViolation violation(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        // Drop the method and parameter prefix that Bean Validation adds (submit.arg0.value -> value).
        String[] parts = path.split("\\.");
        String field = parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
        String rule = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return new Problem.FieldViolation(field, rule, v.getMessage());
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
