package vn.city.common.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Set;

@Path("/api/me")
@Tag(name = "me")
public class MeResource {

    private final Caller caller;

    public MeResource(Caller caller) {
        this.caller = caller;
    }

    public record Me(String username, Set<String> roles, String department) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller as this service sees it: user name, realm roles and organisation unit")
    public Me me() {
        CurrentUser user = caller.current();
        return new Me(user.username(), user.roles(), user.department());
    }
}
