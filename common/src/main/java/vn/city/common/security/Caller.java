package vn.city.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.Set;

/** The caller of the current request, read from the verified token. */
@ApplicationScoped
public class Caller {

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public CurrentUser current() {
        Principal principal = identity.getPrincipal();
        String username = principal == null ? null : principal.getName();
        String department = null;
        if (principal instanceof JsonWebToken jwt) {
            department = jwt.getClaim("department");
            String preferred = jwt.getClaim("preferred_username");
            if (preferred != null) {
                username = preferred;
            }
        }
        return new CurrentUser(username, Set.copyOf(identity.getRoles()), department);
    }
}
