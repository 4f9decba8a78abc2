package vn.city.common.security;

import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.problem.ProblemException;

/** The own-unit rule: an officer acts only for the unit in its token (403 otherwise). */
@ApplicationScoped
public class UnitAccess {

    private final Caller caller;

    public UnitAccess(Caller caller) {
        this.caller = caller;
    }

    public void requireActsFor(String unitCode) {
        CurrentUser user = caller.current();
        if (!user.actsFor(unitCode)) {
            throw ProblemException.forbidden("user '" + user.username() + "' of unit '" + user.department()
                    + "' may not act for unit '" + unitCode + "'");
        }
    }

    public void requireAnyRole(String... roles) {
        CurrentUser user = caller.current();
        for (String role : roles) {
            if (user.has(role)) {
                return;
            }
        }
        throw ProblemException.forbidden("this operation needs one of the roles " + String.join(", ", roles));
    }

    public CurrentUser user() {
        return caller.current();
    }
}
