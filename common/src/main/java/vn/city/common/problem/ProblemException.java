package vn.city.common.problem;

import java.util.List;

/** A client's request broke a rule; the REST layer answers it as problem+json and nothing was changed. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final transient List<Problem.FieldViolation> errors;

    public ProblemException(int status, String slug, String title, String detail,
                            List<Problem.FieldViolation> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** 422: the body is well-formed but a field breaks a domain rule. */
    public static ProblemException invalid(String field, String rule, String message) {
        return new ProblemException(422, "validation", "The request breaks a rule", message,
                List.of(new Problem.FieldViolation(field, rule, message)));
    }

    public static ProblemException invalid(List<Problem.FieldViolation> violations) {
        return new ProblemException(422, "validation", "The request breaks a rule",
                violations.size() + " field(s) break a rule", violations);
    }

    /** 400: the request cannot be read (syntax, types, parameters). */
    public static ProblemException badRequest(String field, String rule, String message) {
        return new ProblemException(400, "bad-request", "The request cannot be read", message,
                List.of(new Problem.FieldViolation(field, rule, message)));
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not-found", "Not found", what + " '" + id + "' does not exist", List.of());
    }

    public static ProblemException conflict(String slug, String message) {
        return new ProblemException(409, slug, "Conflict with the current state", message, List.of());
    }

    public static ProblemException forbidden(String message) {
        return new ProblemException(403, "forbidden", "Forbidden", message, List.of());
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_BASE + slug, title, status, getMessage(), instance, errors);
    }

    public int status() {
        return status;
    }

    public List<Problem.FieldViolation> errors() {
        return errors;
    }
}
