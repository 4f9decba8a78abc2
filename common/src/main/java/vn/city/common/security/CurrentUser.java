package vn.city.common.security;

import java.util.Set;

/** Who is calling: the token's user name, realm roles and organisation unit (claim {@code department}). */
public record CurrentUser(String username, Set<String> roles, String department) {

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Secretariat and leaders act for the whole city; anyone else only for the unit in the token. */
    public boolean actsFor(String unitCode) {
        return has(Roles.SECRETARIAT) || has(Roles.LEADER)
                || (department != null && department.equalsIgnoreCase(unitCode));
    }
}
