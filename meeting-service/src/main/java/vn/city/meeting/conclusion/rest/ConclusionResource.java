package vn.city.meeting.conclusion.rest;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.city.common.security.Caller;
import vn.city.meeting.conclusion.rest.ConclusionDtos.ConclusionDraft;
import vn.city.meeting.conclusion.service.ConclusionHistory;
import vn.city.meeting.conclusion.service.ConclusionPublisher;
import vn.city.meeting.conclusion.service.ConclusionView;

import java.util.UUID;

@Path("/api/meetings/{id}/conclusion")
@Tag(name = "conclusions", description = "The chair's conclusion and its directives (kết luận)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConclusionResource {

    private static final String EXAMPLE = """
            {"text":"Đề nghị thủ trưởng các cơ quan, phòng, ban, ngành thành phố chủ động rà soát, thực hiện đầy đủ, nghiêm túc nhiệm vụ…",
             "directives":[{"title":"Vệ sinh môi trường","content":"Chủ trì, phối hợp với các đơn vị và hai xã Nông Thượng, Dương Quang quan tâm thực hiện công tác vệ sinh môi trường, tạo cảnh quan xanh, sạch, đẹp",
               "leadUnit":"ENV","coordinatingUnits":["C-NONGTHUONG","C-DUONGQUANG"],"ongoing":true,"priority":"NORMAL","indicatorCodes":[]}]}""";

    private final ConclusionPublisher conclusions;
    private final Caller caller;

    public ConclusionResource(ConclusionPublisher conclusions, Caller caller) {
        this.conclusions = conclusions;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The current conclusion and every version of it")
    public Uni<ConclusionHistory> get(@PathParam("id") UUID id) {
        return conclusions.history(caller.current(), id);
    }

    @PUT
    @Operation(summary = "Write or replace the draft conclusion (chair or secretariat); 422 for a directive without content or for an unknown unit")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "June 2022", value = EXAMPLE)))
    public Uni<ConclusionView> draft(@PathParam("id") UUID id, @NotNull @Valid ConclusionDraft body) {
        return conclusions.draft(caller.current(), id, body.toCommand());
    }

    @POST
    @Path("publish")
    @Operation(summary = "Publish the draft (the chair, a leader): final; concludes the meeting, freezes the pack, emits meeting-concluded and pack-frozen; 409 when already published")
    public Uni<ConclusionView> publish(@PathParam("id") UUID id) {
        return conclusions.publish(caller.current(), id);
    }

    @POST
    @Path("corrections")
    @Operation(summary = "Publish a correction as the next version with the full directive list (kept ids are updated, absent ones cancelled, new ones added)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "correction", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The correction, published as the next version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConclusionView.class)))
    public Uni<Response> correct(@PathParam("id") UUID id, @NotNull @Valid ConclusionDraft body) {
        return conclusions.correct(caller.current(), id, body.toCommand())
                .map(v -> Response.status(Response.Status.CREATED).entity(v).build());
    }
}
