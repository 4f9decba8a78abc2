package vn.city.meeting.report.rest;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.city.common.security.Caller;
import vn.city.meeting.report.ReportSection;
import vn.city.meeting.report.service.UnitReports;
import vn.city.meeting.report.service.UnitReports.Report;
import vn.city.meeting.report.service.UnitReports.WriteReport;

import java.util.List;

/**
 * Under {@code /api/meetings/reports}: the realm's "meetings" resource already grants read to every role and write to
 * officers, the secretariat and leaders, which is what units' reports need; finer rules (own unit) are in code.
 */
@Path("/api/meetings/reports")
@Tag(name = "reports", description = "Units' short written reports of a period, quoted by the narrative under their section")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnitReportResource {

    /** The text of one section of a unit's report. */
    public record ReportText(@NotBlank @Size(max = 4000) String text) {
    }

    private final UnitReports reports;
    private final Caller caller;

    public UnitReportResource(UnitReports reports, Caller caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @PUT
    @Path("{period}/{unitCode}/{section}")
    @Operation(summary = "Write a unit's report of a period for one section (the unit's officer, or the secretariat)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "urban order, June 2022", value =
            "{\"text\":\"Thực hiện tốt công tác quản lý trật tự đô thị, vệ sinh môi trường và cấp phép xây dựng.\"}")))
    public Uni<Report> write(@PathParam("period") String period, @PathParam("unitCode") String unitCode,
                             @PathParam("section") ReportSection section, @NotNull @Valid ReportText body) {
        return reports.write(caller.current(), new WriteReport(unitCode, period, section, body.text()));
    }

    @GET
    @Path("{period}")
    @Operation(summary = "The units' reports of a period, by section")
    public Uni<List<Report>> ofPeriod(@PathParam("period") String period) {
        return reports.ofPeriod(period);
    }
}
