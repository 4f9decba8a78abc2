package vn.city.task;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.city.common.problem.Problem;

import java.util.List;

/**
 * Two requests changed the same task at once: the one that committed first wins (version check), the other is
 * told so with 409 and changed nothing. It may read the task again and retry.
 */
public class ConcurrentChangeMapper {

    @ServerExceptionMapper
    public Response stale(StaleStateException e, UriInfo uri) {
        return conflict(uri);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return conflict(uri);
    }

    private static Response conflict(UriInfo uri) {
        Problem problem = new Problem(Problem.TYPE_BASE + "concurrent-change", "Conflict with the current state", 409,
                "the task was changed by another request at the same time; read it again and retry",
                uri == null ? null : uri.getPath(), List.of());
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
