package vn.city.common.availability;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Keycloak in the readiness report, as a detail, never as "not ready": while Keycloak is away the service still
 * serves everything it can decide alone (RPTs, bearer-only paths, tokens whose keys it holds) and answers 503 for
 * the rest, so taking it out of the load balancer would only turn those 503s into connection errors.
 */
@Readiness
@ApplicationScoped
public class IdentityServerHealth implements AsyncHealthCheck {

    private final IdentityServer identityServer;

    public IdentityServerHealth(IdentityServer identityServer) {
        this.identityServer = identityServer;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return identityServer.status().map(s -> HealthCheckResponse.named("keycloak").up()
                .withData("reachable", s.reachable())
                .withData("degraded", !s.reachable())
                .withData("detail", s.reachable() ? "policy decisions and key refresh available"
                        : "Keycloak unreachable (" + s.detail() + "): plain access tokens answer 503 with Retry-After;"
                        + " RPTs and tokens signed with cached keys still work")
                .build());
    }
}
