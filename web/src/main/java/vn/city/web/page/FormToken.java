package vn.city.web.page;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The token every form that changes something carries ({@code <input type="hidden" name="csrf-token"
 * value="{inject:csrf.token}">}), checked by {@link FormTokenCheck} before the form reaches its page: a page of
 * another site cannot post a form in the user's name, since it cannot know the token. The token is derived from the
 * user's Keycloak session ({@code sid} of the ID token) with a key derived from the client secret, so every replica
 * computes the same one without storing anything, and a new login gets a new token.
 * (Quarkus' {@code quarkus-rest-csrf} extension would do the same with a cookie; it is not published for the
 * Quarkus version this build uses.)
 */
@RequestScoped
@Named("csrf")
public class FormToken {

    public static final String FIELD = "csrf-token";

    private final SecurityIdentity identity;
    private final FormTokenKey key;

    public FormToken(SecurityIdentity identity, FormTokenKey key) {
        this.identity = identity;
        this.key = key;
    }

    /** The form field's name, for the templates. */
    public String field() {
        return FIELD;
    }

    /** This session's token. */
    public String token() {
        return key.tokenFor(session());
    }

    boolean matches(String sent) {
        return sent != null && key.matches(session(), sent);
    }

    private String session() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object sid = jwt.getClaim("sid");
            if (sid != null) {
                return "sid:" + sid;
            }
            return "sub:" + jwt.getSubject() + ":" + jwt.getClaim("auth_time");
        }
        return "user:" + identity.getPrincipal().getName();
    }
}
