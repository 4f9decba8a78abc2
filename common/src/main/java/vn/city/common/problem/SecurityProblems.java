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

import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * Turns the HTTP security layer's refusals (no or bad token, policy enforcer denial) into problem+json, which
 * otherwise arrive as empty 401/403 bodies before any JAX-RS mapper runs.
 */
@ApplicationScoped
public class SecurityProblems {

    private final ObjectMapper mapper;

    private final long maxBodyBytes;

    public SecurityProblems(ObjectMapper mapper,
                            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBody) {
        this.mapper = mapper;
        this.maxBodyBytes = maxBody.map(MemorySize::asLongValue).orElse(0L);
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
        router.route().order(Integer.MIN_VALUE).handler(this::limitBody);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::onFailure);
        router.route("/api/*").order(Integer.MIN_VALUE).handler(this::requireBearer);
    }

    /**
     * A declared body over {@code quarkus.http.limits.max-body-size} is refused here with a problem: the HTTP layer's
     * own 413 has no body.
     */
    private void limitBody(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length != null && maxBodyBytes > 0) {
            try {
                if (Long.parseLong(length.trim()) > maxBodyBytes) {
                    ctx.response().putHeader("Connection", "close");
                    send(ctx, new Problem(Problem.TYPE_BASE + "payload-too-large", "Payload too large", 413,
                            "the request body exceeds " + maxBodyBytes + " bytes", ctx.normalizedPath(), List.of(
                            new Problem.FieldViolation("body", "max-size", "at most " + maxBodyBytes + " bytes"))));
                    return;
                }
            } catch (NumberFormatException e) {
                send(ctx, new Problem(Problem.TYPE_BASE + "bad-request", "The request cannot be read", 400,
                        "Content-Length is not a number", ctx.normalizedPath(), List.of()));
                return;
            }
        }
        ctx.next();
    }

    /**
     * A request without a bearer token is answered here: the OIDC mechanism's own challenge is an empty 401 that
     * no failure handler sees.
     */
    private void requireBearer(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.next();
            return;
        }
        send(ctx, unauthorized(ctx.normalizedPath()));
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
        } else if (failure instanceof ForbiddenException || (failure == null && ctx.statusCode() == 403)) {
            problem = forbidden(ctx.normalizedPath());
        } else if (failure == null && ctx.statusCode() == 413) {
            problem = new Problem(Problem.TYPE_BASE + "payload-too-large", "Payload too large", 413,
                    "the request body exceeds the allowed size", ctx.normalizedPath(), List.of());
        } else {
            ctx.next();
            return;
        }
        send(ctx, problem);
    }

    private void send(RoutingContext ctx, Problem problem) {
        if (problem.status() == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"city\"");
        }
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (Exception e) {
            body = "{\"status\":" + problem.status() + "}";
        }
        ctx.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }
}
