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

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import vn.city.common.availability.IdentityServer;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Turns the HTTP security layer's refusals (no or bad token, policy enforcer denial) into problem+json, which
 * otherwise arrive as empty 401/403 bodies before any JAX-RS mapper runs.
 */
@ApplicationScoped
public class SecurityProblems {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(SecurityProblems.class);

    private final ObjectMapper mapper;

    private final long maxBodyBytes;

    private final IdentityServer identityServer;

    public SecurityProblems(ObjectMapper mapper,
                            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBody,
                            IdentityServer identityServer) {
        this.mapper = mapper;
        this.maxBodyBytes = maxBody.map(MemorySize::asLongValue).orElse(0L);
        this.identityServer = identityServer;
    }

    /** Seconds a client should wait before retrying a request refused because Keycloak is away. */
    static final int IDENTITY_RETRY_AFTER_SECONDS = 10;

    public static Problem identityUnavailable(String instance) {
        return new Problem(Problem.TYPE_BASE + "identity-server-unavailable", "Service unavailable", 503,
                "the identity server (Keycloak) cannot be reached to decide this request; retry later, or use a"
                        + " requesting party token (RPT), which is decided without it", instance, List.of());
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
            problem = null;
        }
        if (mayDependOnKeycloak(bearer(ctx.request().getHeader("Authorization")), problem, failure)) {
            Context context = ctx.vertx().getOrCreateContext();
            keycloakAware(ctx.request().getHeader("Authorization"), problem, failure, ctx.normalizedPath())
                    .subscribe().with(p -> context.runOnContext(v -> answer(ctx, p)),
                            error -> context.runOnContext(v -> answer(ctx, null)));
            return;
        }
        answer(ctx, problem);
    }

    /**
     * The refusal to give, knowing that it may only mean that Keycloak is away (the enforcer's decision or the
     * token's keys could not be fetched): Keycloak is asked whether it answers before a valid user is told
     * "forbidden" or a request fails with a 500; when it does not, the answer is 503 with Retry-After.
     *
     * @param problem the refusal otherwise given, null for an unexpected failure (a 500)
     */
    public Uni<Problem> keycloakAware(String authorization, Problem problem, Throwable failure, String path) {
        if (LOG.isDebugEnabled()) {
            LOG.debugf("refusal %s of %s (failure %s, token %s): may depend on Keycloak %s", problem == null ? "500"
                    : problem.status(), path, failure, authorization == null ? "none" : "given",
                    mayDependOnKeycloak(bearer(authorization), problem, failure));
        }
        if (!mayDependOnKeycloak(bearer(authorization), problem, failure)) {
            return Uni.createFrom().item(problem);
        }
        return identityServer.statusForRefusal().map(status -> status.reachable() ? problem : identityUnavailable(path))
                .onFailure().recoverWithItem(problem);
    }

    private void answer(RoutingContext ctx, Problem problem) {
        if (ctx.response().headWritten()) {
            return;
        }
        if (problem == null) {
            ctx.next();
        } else {
            send(ctx, problem);
        }
    }

    /**
     * A refusal Keycloak's absence can explain: 403 for a token without permissions of its own (not an RPT: the
     * enforcer had to ask Keycloak), 401 for a bearer token that is not simply expired (its signing key may be
     * unknown because the keys could not be fetched), and any other failure of the security layer (the enforcer's
     * or OIDC's configuration could not be loaded).
     */
    private boolean mayDependOnKeycloak(String token, Problem problem, Throwable failure) {
        if (!identityServer.configured()) {
            return false;
        }
        if (problem == null) {
            return failure != null;
        }
        if (token == null) {
            return false;
        }
        if (problem.status() == 403) {
            return !isRpt(token);
        }
        if (problem.status() == 401) {
            return !mentionsExpiry(failure);
        }
        return false;
    }

    private static String bearer(String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return null;
    }

    /** An RPT carries its permissions ({@code authorization.permissions}); the enforcer decides it alone. */
    private boolean isRpt(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return false;
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            return mapper.readTree(payload).path("authorization").has("permissions");
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean mentionsExpiry(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.toLowerCase(java.util.Locale.ROOT).contains("expired")) {
                return true;
            }
        }
        return false;
    }

    private void send(RoutingContext ctx, Problem problem) {
        if (problem.status() == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"city\"");
        }
        if (problem.status() == 503) {
            ctx.response().putHeader("Retry-After", Integer.toString(IDENTITY_RETRY_AFTER_SECONDS));
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
