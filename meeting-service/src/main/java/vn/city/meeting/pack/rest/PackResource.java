package vn.city.meeting.pack.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.city.common.security.Caller;
import vn.city.meeting.pack.BriefingPack;
import vn.city.meeting.pack.service.PackService;
import vn.city.meeting.pack.PackRevisions.Revisions;

import java.util.UUID;

@Path("/api/packs")
@Tag(name = "packs", description = "Briefing packs built from indicator and task events")
@Produces(MediaType.APPLICATION_JSON)
public class PackResource {

    private final PackService packs;
    private final Caller caller;

    public PackResource(PackService packs, Caller caller) {
        this.packs = packs;
        this.caller = caller;
    }

    @GET
    @Path("{meetingId}")
    @Operation(summary = "The meeting's pack: frozen as known at the conclusion (whole, for its attendees), or live "
            + "before it (an officer sees the tasks its unit leads or coordinates, as in task-service); never writes")
    @APIResponse(responseCode = "200", description = "The pack", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BriefingPack.class)))
    public Uni<Response> pack(@PathParam("meetingId") UUID meetingId) {
        return packs.forMeeting(caller.current(), meetingId).map(PackResource::json);
    }

    @GET
    @Path("{meetingId}/revisions")
    @Operation(summary = "Revised since: every difference between the frozen pack and the same pack as today")
    public Uni<Revisions> revisions(@PathParam("meetingId") UUID meetingId) {
        return packs.revisions(caller.current(), meetingId);
    }

    @GET
    @Path("period/{period}")
    @Operation(summary = "The live pack of a period (2022-06, 2022-Q2, 2022-H1, 2022); an officer sees the tasks its "
            + "unit leads or coordinates")
    @APIResponse(responseCode = "200", description = "The pack", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BriefingPack.class)))
    public Uni<Response> period(@PathParam("period") String period) {
        return packs.forPeriod(caller.current(), period).map(PackResource::json);
    }

    /** The pack's JSON as written (a BriefingPack): the ready lines are not parsed and written again. */
    private static Response json(byte[] pack) {
        return Response.ok(pack, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
    }
}
