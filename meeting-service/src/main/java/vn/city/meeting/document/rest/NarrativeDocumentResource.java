package vn.city.meeting.document.rest;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.city.common.security.Caller;
import vn.city.meeting.document.render.NarrativeDocx;
import vn.city.meeting.narrative.service.NarrativeService;

import java.util.UUID;

/** The briefing narrative as a Word document, from what the narrative service writes. */
@Path("/api/narratives/{meetingId}.docx")
@Tag(name = "narratives")
public class NarrativeDocumentResource {

    private final NarrativeService narratives;
    private final Caller caller;

    public NarrativeDocumentResource(NarrativeService narratives, Caller caller) {
        this.narratives = narratives;
        this.caller = caller;
    }

    @GET
    @Produces(NoticeFileResource.DOCX)
    @Operation(summary = "The narrative of a meeting's period as a Word document (title, then the paragraphs)")
    @APIResponse(responseCode = "200", description = "The narrative",
            content = @Content(mediaType = NoticeFileResource.DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "403", description = "An officer whose unit does not attend the meeting")
    @APIResponse(responseCode = "404", description = "No such meeting")
    public Uni<Response> docx(@PathParam("meetingId") UUID meetingId) {
        return narratives.of(caller.current(), meetingId)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(n -> Response.ok(NarrativeDocx.render(n), NoticeFileResource.DOCX)
                        .header("Content-Disposition", "attachment; filename=\"bao-cao-" + n.period() + ".docx\"")
                        .build());
    }
}
