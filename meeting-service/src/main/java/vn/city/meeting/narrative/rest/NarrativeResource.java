package vn.city.meeting.narrative.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.city.common.security.Caller;
import vn.city.meeting.narrative.Narrative;
import vn.city.meeting.narrative.NarrativeHtml;
import vn.city.meeting.narrative.service.NarrativeService;

import java.util.UUID;

@Path("/api/narratives")
@Tag(name = "narratives", description = "Vietnamese draft of the period's report")
public class NarrativeResource {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";
    /** Lower quality than JSON, so a client accepting anything gets JSON and a browser asking for HTML gets the page. */
    private static final String HTML_NEGOTIATED = MediaType.TEXT_HTML + ";qs=0.5";

    private final NarrativeService narratives;
    private final Caller caller;

    public NarrativeResource(NarrativeService narratives, Caller caller) {
        this.narratives = narratives;
        this.caller = caller;
    }

    @GET
    @Path("{meetingId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The narrative of a meeting's period as JSON (from the frozen pack once concluded)")
    public Uni<Narrative> json(@PathParam("meetingId") UUID meetingId) {
        return narratives.of(caller.current(), meetingId);
    }

    @GET
    @Path("{meetingId}")
    @Produces(HTML_NEGOTIATED)
    @Operation(summary = "The narrative as an HTML page (Accept: text/html)")
    @APIResponse(responseCode = "200", description = "The narrative as HTML",
            content = @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> html(@PathParam("meetingId") UUID meetingId) {
        // The explicit type keeps the negotiation weight (qs) out of the Content-Type header.
        return narratives.of(caller.current(), meetingId)
                .map(n -> Response.ok(NarrativeHtml.render(n), HTML).build());
    }

    @GET
    @Path("{meetingId}.html")
    @Produces(HTML)
    @Operation(summary = "The narrative as an HTML page, for a browser link")
    @APIResponse(responseCode = "200", description = "The narrative as HTML",
            content = @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> page(@PathParam("meetingId") UUID meetingId) {
        return html(meetingId);
    }
}
