package vn.city.meeting.document.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.city.common.security.Caller;
import vn.city.meeting.document.rest.NoticeDtos.IssueNotice;
import vn.city.meeting.document.service.NoticeRecord;
import vn.city.meeting.document.service.NoticeService;

import java.util.UUID;

@Path("/api/meetings/{id}/notice")
@Tag(name = "documents", description = "Official documents: the conclusion notice (thông báo kết luận) and its register")
public class NoticeResource {

    private final NoticeService notices;
    private final Caller caller;

    public NoticeResource(NoticeService notices, Caller caller) {
        this.notices = notices;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue the conclusion notice (secretariat): number it in the register (Số: 125/TB-UBND)",
            description = "Only once the conclusion is published. Issuing again returns the same number (200). After a "
                    + "correction the corrected conclusion gets a new number and names the notice it replaces. "
                    + "Numbers run per issuing body, type and year without gaps or duplicates.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IssueNotice.class),
            examples = @ExampleObject(name = "signed on", value = "{\"signedOn\":\"2022-06-30\"}")))
    @APIResponse(responseCode = "201", description = "Numbered now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoticeRecord.class)))
    @APIResponse(responseCode = "200", description = "Already numbered: the same number",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoticeRecord.class)))
    @APIResponse(responseCode = "403", description = "Not the secretariat")
    @APIResponse(responseCode = "404", description = "No such meeting")
    @APIResponse(responseCode = "409", description = "The conclusion is not published yet (not-published)")
    @APIResponse(responseCode = "422", description = "signedOn in the future or before the meeting")
    public Uni<Response> issue(@PathParam("id") UUID id, IssueNotice body) {
        return notices.issue(caller.current(), id, body == null ? null : body.signedOn())
                .map(i -> Response.status(i.created() ? Response.Status.CREATED : Response.Status.OK)
                        .entity(i.record()).build());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The notice of the current conclusion: its number once issued, else DRAFT")
    @APIResponse(responseCode = "200", description = "The notice",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoticeRecord.class)))
    @APIResponse(responseCode = "404", description = "No such meeting, or no conclusion yet")
    public Uni<NoticeRecord> get(@PathParam("id") UUID id) {
        return notices.current(caller.current(), id).map(NoticeService.Notice::record);
    }
}
