package vn.city.web.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;

/** task-service's public API as the web uses it. */
@RegisterRestClient(configKey = "task")
@Path("/api/tasks")
public interface TaskApi {

    String AUDIENCE = "task-service";

    @GET
    List<Dto.Task> tasks(@HeaderParam("Authorization") String bearer, @QueryParam("unit") String unit,
            @QueryParam("status") String status, @QueryParam("meetingId") String meetingId);

    @GET
    @Path("/{id}")
    Dto.Task task(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @GET
    @Path("/{id}/progress")
    List<Dto.Progress> progress(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @GET
    @Path("/{id}/history")
    Dto.TaskHistory history(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    /** start, submit, accept, return, cancel, progress, extension-requests: the body as the API names it. */
    @POST
    @Path("/{id}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode act(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
            @PathParam("action") String action, Map<String, Object> body);

    @POST
    @Path("/{id}/extension-requests/{rid}/{decision}")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode decideExtension(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
            @PathParam("rid") String requestId, @PathParam("decision") String decision, Map<String, Object> body);
}
