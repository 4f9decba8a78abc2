package vn.city.indicator.imports;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * The service takes import files up to 256 MiB ({@code quarkus.http.limits.max-body-size}); every other body keeps
 * the 2 MiB limit of the other services and is refused with 413 before it is read.
 */
@Provider
@PreMatching
public class ImportBodyLimit implements ContainerRequestFilter {

    static final long OTHER_BODIES = 2L * 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/api/imports") || path.startsWith("/api/dataValueSets")) {
            return;
        }
        String length = request.getHeaderString("Content-Length");
        if (length != null && !length.isBlank() && Long.parseLong(length.trim()) > OTHER_BODIES) {
            request.abortWith(Response.status(413).type("application/problem+json")
                    .entity("{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,"
                            + "\"detail\":\"a request body may hold at most 2 MiB (import files: /api/imports)\"}")
                    .build());
        }
    }
}
