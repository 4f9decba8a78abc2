package vn.city.common.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;

/**
 * Verifies each bearer token once, not on every request: quarkus-oidc checks a token the first time it is presented
 * (signature, issuer, audience, expiry); the identity it builds is kept by the token's exact text until the token
 * expires ({@link VerifiedTokens}), and later requests with that token get it back, bound to their own request. A
 * client keeps its token for minutes and sends it hundreds of times; the RSA check was a quarter of a figure
 * submission's CPU. Revocation is no weaker than before: a JWT is checked locally either way, never asked back.
 * Tried before quarkus-oidc's own provider (higher priority); the policy enforcer and the roles work on the same
 * identity as before.
 */
@ApplicationScoped
public class VerifiedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** quarkus-oidc's provider has the default priority (1001); the higher one is asked first. */
    static final int PRIORITY = 2001;

    private final OidcIdentityProvider oidc;
    private final VerifiedTokens verified;
    private final boolean enabled;

    public VerifiedTokenIdentityProvider(OidcIdentityProvider oidc,
                                         @ConfigProperty(name = "city.security.verified-tokens", defaultValue = "2000") int capacity) {
        this.oidc = oidc;
        this.verified = new VerifiedTokens(Math.max(capacity, 1));
        this.enabled = capacity > 0;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        // only a bearer access token (the services' case), never a login's ID token or an opaque token
        if (!enabled || token == null || routing == null || !(request.getToken() instanceof AccessTokenCredential access)
                || access.isOpaque()) {
            return oidc.authenticate(request, context);
        }
        SecurityIdentity known = verified.get(token, Instant.now());
        if (known != null) {
            // what quarkus-oidc does for each request it verifies: the request's context, on the request and the identity
            routing.put(AuthenticationRequestContext.class.getName(), context);
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder(known)
                    .addAttribute(RoutingContext.class.getName(), routing)
                    .addAttribute(AuthenticationRequestContext.class.getName(), context)
                    .build());
        }
        return oidc.authenticate(request, context).invoke(identity -> verified.put(token, withoutRequest(identity), Instant.now()));
    }

    /** The identity as kept: without the first request's context, which must not outlive that request. */
    private static SecurityIdentity withoutRequest(SecurityIdentity identity) {
        return identity == null ? null : QuarkusSecurityIdentity.builder(identity)
                .addAttribute(RoutingContext.class.getName(), null)
                .addAttribute(AuthenticationRequestContext.class.getName(), null)
                .build();
    }
}
