package vn.city.web.page;

import io.quarkus.oidc.IdToken;
import io.quarkus.qute.TemplateData;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is logged in, for what the pages offer. The pages only hide what a user cannot do; the services decide (the
 * user's own token goes to them), so a hidden button is a courtesy, never the rule.
 */
@RequestScoped
@Named("user")
@TemplateData
public class CurrentUser {

    private final SecurityIdentity identity;
    /** {@code @IdToken} qualifies fields only, not constructor parameters. */
    @Inject
    @IdToken
    JsonWebToken idToken;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String username() {
        return identity.getPrincipal().getName();
    }

    public String displayName() {
        String name = idToken.getClaim("name");
        return name == null || name.isBlank() ? username() : name;
    }

    /** The organisation unit code of the {@code department} claim (CITY for the city office and leaders). */
    public String department() {
        Object d = idToken.getClaim("department");
        return d == null ? "" : d.toString();
    }

    public boolean officer() {
        return identity.hasRole("department-officer");
    }

    public boolean secretariat() {
        return identity.hasRole("secretariat");
    }

    public boolean leader() {
        return identity.hasRole("leader");
    }

    public boolean viewer() {
        return identity.hasRole("viewer");
    }

    public boolean canEnterFigures() {
        return officer() || secretariat();
    }

    public boolean seesReporting() {
        return secretariat() || leader();
    }

    /** Whether the user acts for this unit: its own, or any unit for the city office and leaders. */
    public boolean actsFor(String unit) {
        return secretariat() || leader() || (officer() && department().equals(unit));
    }

    public String roleLabel() {
        if (leader()) {
            return "Lãnh đạo";
        }
        if (secretariat()) {
            return "Văn phòng";
        }
        if (officer()) {
            return "Cán bộ " + department();
        }
        return "Xem";
    }
}
