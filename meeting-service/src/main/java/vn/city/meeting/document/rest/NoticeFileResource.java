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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.city.common.problem.ProblemException;
import vn.city.common.security.Caller;
import vn.city.meeting.document.ConclusionNotice;
import vn.city.meeting.document.render.NoticeDocx;
import vn.city.meeting.document.render.NoticePdf;
import vn.city.meeting.document.service.NoticeService;

import java.util.UUID;
import java.util.function.Function;

/** The conclusion notice as files: Word and PDF, numbered once issued, marked DỰ THẢO before. */
@Path("/api/meetings/{id}/notice.{format}")
@Tag(name = "documents")
public class NoticeFileResource {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String PDF = "application/pdf";

    private final NoticeService notices;
    private final Caller caller;

    public NoticeFileResource(NoticeService notices, Caller caller) {
        this.notices = notices;
        this.caller = caller;
    }

    @GET
    @Produces({DOCX, PDF})
    @Operation(summary = "The conclusion notice as a file: notice.docx (Word) or notice.pdf (PDF, Vietnamese font embedded)",
            description = "Laid out as Decree 30/2020/NĐ-CP asks: issuing body and national motto, number and symbol, "
                    + "place and date, title, the items decided, the directives by lead unit with deadlines, recipients "
                    + "(Nơi nhận) and signature block. A draft marked DỰ THẢO and without a number until it is issued.")
    @APIResponse(responseCode = "200", description = "The notice file", content = {
            @Content(mediaType = DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "404", description = "No such meeting, no conclusion yet, or another format")
    public Uni<Response> file(@PathParam("id") UUID id,
                              @Parameter(description = "docx or pdf", schema = @Schema(enumeration = {"docx", "pdf"}))
                              @PathParam("format") String format) {
        return switch (format) {
            case "docx" -> file(id, NoticeDocx::render, DOCX, format);
            case "pdf" -> file(id, NoticePdf::render, PDF, format);
            default -> throw ProblemException.notFound("document format", format);
        };
    }

    private Uni<Response> file(UUID id, Function<ConclusionNotice, byte[]> renderer, String type, String extension) {
        return notices.current(caller.current(), id)
                // Rendering is CPU work of tens of milliseconds: keep it off the event loop.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(n -> Response.ok(renderer.apply(n.content()), type)
                        .header("Content-Disposition", "attachment; filename=\"" + fileName(n, extension) + "\"")
                        .build());
    }

    /** "thong-bao-125-TB-UBND.pdf", or "thong-bao-du-thao-<meeting>.pdf" for a draft. */
    static String fileName(NoticeService.Notice n, String extension) {
        String number = n.record().numberAndSymbol();
        return number == null ? "thong-bao-du-thao-" + n.record().meetingId() + "." + extension
                : "thong-bao-" + number.replace('/', '-') + "." + extension;
    }
}
