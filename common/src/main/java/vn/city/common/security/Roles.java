package vn.city.common.security;

/** The realm roles of the {@code city} Keycloak realm. */
public final class Roles {
    public static final String OFFICER = "department-officer";
    public static final String SECRETARIAT = "secretariat";
    public static final String LEADER = "leader";
    public static final String VIEWER = "viewer";

    private Roles() {
    }
}
