package vn.city.common.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.AuthenticationException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Turns the HTTP security layer's refusals (no or bad token, policy enforcer denial) into problem+json, which
 * otherwise arrive as empty 401/403 bodies before any JAX-RS mapper runs.
 */
@ApplicationScoped
public class SecurityProblems {

    private final ObjectMapper mapper;

    public SecurityProblems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static Problem unauthorized(String instance) {
        return new Problem(Problem.TYPE_BASE + "unauthorized", "Unauthorized", 401,
                "a valid bearer token is required", instance, List.of());
    }

    static Problem forbidden(String instance) {
        return new Problem(Problem.TYPE_BASE + "forbidden", "Forbidden", 403,
                "the token does not grant this operation", instance, List.of());
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::onFailure);
    }

    private void onFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (ctx.response().headWritten() || failure instanceof AuthenticationRedirectException
                || failure instanceof AuthenticationCompletionException) {
            ctx.next();
            return;
        }
        Problem problem;
        if (failure instanceof UnauthorizedException || failure instanceof AuthenticationFailedException
                || failure instanceof AuthenticationException || (failure == null && ctx.statusCode() == 401)) {
            problem = unauthorized(ctx.normalizedPath());
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"city\"");
        } else if (failure instanceof ForbiddenException || (failure == null && ctx.statusCode() == 403)) {
            problem = forbidden(ctx.normalizedPath());
        } else if (failure == null && ctx.statusCode() == 413) {
            problem = new Problem(Problem.TYPE_BASE + "payload-too-large", "Payload too large", 413,
                    "the request body exceeds the allowed size", ctx.normalizedPath(), List.of());
        } else {
            ctx.next();
            return;
        }
        try {
            ctx.response().setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(mapper.writeValueAsString(problem));
        } catch (Exception e) {
            ctx.next();
        }
    }
}
