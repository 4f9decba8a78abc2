package vn.city.web.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;

/** meeting-service's public API as the web uses it. */
@RegisterRestClient(configKey = "meeting")
@Path("/api")
public interface MeetingApi {

    String AUDIENCE = "meeting-service";

    @GET
    @Path("/meetings")
    List<Dto.Meeting> meetings(@HeaderParam("Authorization") String bearer, @QueryParam("status") String status);

    @GET
    @Path("/meetings/{id}")
    Dto.Meeting meeting(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @GET
    @Path("/packs/{id}")
    Dto.Pack pack(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @GET
    @Path("/narratives/{id}")
    Dto.Narrative narrative(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @GET
    @Path("/meetings/{id}/conclusion")
    Dto.ConclusionHistory conclusion(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @PUT
    @Path("/meetings/{id}/conclusion")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode draftConclusion(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
            Map<String, Object> draft);

    @POST
    @Path("/meetings/{id}/conclusion/publish")
    JsonNode publish(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @POST
    @Path("/meetings/{id}/items/{itemId}/opinions")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode opinion(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
            @PathParam("itemId") String itemId, Map<String, Object> opinion);

    @POST
    @Path("/meetings/{id}/items/{itemId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode decide(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
            @PathParam("itemId") String itemId, Map<String, Object> decision);
}
