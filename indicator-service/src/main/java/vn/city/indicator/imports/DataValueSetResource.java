package vn.city.indicator.imports;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.city.common.problem.Problem;
import vn.city.common.problem.ProblemException;
import vn.city.common.security.CurrentUser;
import vn.city.common.security.UnitAccess;
import vn.city.indicator.figure.FigureSubmission;
import vn.city.indicator.figure.repository.FigureRepository;
import vn.city.indicator.figure.ValueRules;
import vn.city.common.period.Period;
import vn.city.indicator.result.FigurePoint;
import vn.city.indicator.result.FigureVersion;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DHIS2's own API for data values: clients post a {@code dataValueSets} document to {@code /api/dataValueSets} and
 * get DHIS2's {@code ImportSummary}; {@code GET} exports the current figures in the same form, so an export imported
 * again gives the same figures.
 */
@Path("/api/dataValueSets")
@Tag(name = "dhis2", description = "DHIS2 dataValueSets: import (ImportSummary) and export")
@Produces(MediaType.APPLICATION_JSON)
public class DataValueSetResource {

    /** DHIS2's import summary. */
    public record ImportSummary(String responseType, String status, String description, ImportCount importCount,
                                List<Conflict> conflicts, String reference) {
    }

    public record ImportCount(int imported, int updated, int ignored, int deleted) {
    }

    public record Conflict(String object, String value, String errorCode) {
    }

    /** A data value as DHIS2 writes it. */
    public record DataValue(String dataElement, String period, String orgUnit, String value, String storedBy,
                            String created, String lastUpdated, String comment) {
    }

    public record DataValueSet(String period, String orgUnit, List<DataValue> dataValues) {
    }

    private final ImportJobs jobs;
    private final UnitAccess access;
    private final FigureRepository figures;

    public DataValueSetResource(ImportJobs jobs, UnitAccess access, FigureRepository figures) {
        this.jobs = jobs;
        this.access = access;
        this.figures = figures;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Import a DHIS2 dataValueSets document, all or nothing, answered with DHIS2's ImportSummary",
            description = "dataElement = indicator code, orgUnit = unit code, period in DHIS2 form (202206, 2022Q2, "
                    + "2022S1, 2022), value a plain number. The same document sent again is not imported again "
                    + "(status SUCCESS, every value ignored).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "dataValueSets", value = """
            {"dataSet": "monthly-briefing", "period": "202206", "orgUnit": "ECO",
             "dataValues": [{"dataElement": "RETAIL_SALES", "value": "285", "comment": "ước tháng 6"},
                            {"dataElement": "INDUSTRIAL_OUTPUT", "value": "24252.92"}]}""")))
    @APIResponse(responseCode = "200", description = "ImportSummary, status SUCCESS",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportSummary.class)))
    @APIResponse(responseCode = "409", description = "ImportSummary, status ERROR, with its conflicts; nothing stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportSummary.class)))
    @APIResponse(responseCode = "403", description = "A value of a unit the caller does not act for; nothing stored")
    public Response importSet(InputStream body, @QueryParam("version") FigureVersion version) throws Exception {
        CurrentUser user = access.user();
        ImportJobs.Spooled file = jobs.spool(body);
        BulkImport.Registration job = jobs.register(file, "DHIS2", user);
        if (job.repeated()) {
            jobs.delete(file);
            ImportJobs.JobStatus earlier = jobs.status(job.id());
            return Response.ok(new ImportSummary("ImportSummary", "SUCCESS",
                    "this document was imported before (job " + job.id() + "); nothing imported again",
                    new ImportCount(0, 0, earlier.rowsWritten(), 0), List.of(), job.id().toString())).build();
        }
        BulkImport.Outcome outcome = jobs.runNow(job.id(), file, "DHIS2", user, version, false);
        if (outcome.forbidden()) {
            // an officer imports only its own unit's values, as everywhere else: 403, nothing stored
            throw ProblemException.forbidden(outcome.errors().stream().filter(e -> "forbidden".equals(e.rule()))
                    .findFirst().map(Problem.FieldViolation::message).orElse("not the caller's unit"));
        }
        if ("SUCCEEDED".equals(outcome.state())) {
            return Response.ok(new ImportSummary("ImportSummary", "SUCCESS", "Import process completed successfully",
                    new ImportCount(outcome.rowsWritten(), 0, 0, 0), List.of(), job.id().toString())).build();
        }
        List<Conflict> conflicts = new ArrayList<>();
        for (Problem.FieldViolation v : outcome.errors()) {
            conflicts.add(new Conflict(v.field(), v.message(), v.rule()));
        }
        return Response.status(409).entity(new ImportSummary("ImportSummary", "ERROR",
                "nothing was imported: " + outcome.rowsRejected() + " of " + outcome.rowsRead() + " values break a rule",
                new ImportCount(0, 0, outcome.rowsRead(), 0), conflicts, job.id().toString())).build();
    }

    @GET
    @WithSession
    @Operation(summary = "Export the current figures of a period (and unit) as a DHIS2 dataValueSets document")
    public Uni<DataValueSet> export(@Parameter(example = "202206") @QueryParam("period") String period,
                                    @Parameter(example = "ECO") @QueryParam("orgUnit") String orgUnit) {
        if (period == null) {
            throw ProblemException.badRequest("period", "required", "period is required (202206 or 2022-06)");
        }
        String contract = Dhis2.period(period);
        Period p;
        try {
            p = Period.parse(contract != null ? contract : period);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("period", "format", e.getMessage());
        }
        Uni<List<FigureSubmission>> rows = figures.ofPeriod(p.toString(), orgUnit);
        return rows.map(list -> {
            Map<String, FigureSubmission> current = new HashMap<>();
            for (FigureSubmission s : list) {
                current.merge(s.indicatorCode + "/" + s.unitCode, s,
                        (a, b) -> FigurePoint.PRECEDENCE.compare(a.point(), b.point()) >= 0 ? a : b);
            }
            List<DataValue> values = current.values().stream()
                    .sorted(Comparator.comparing((FigureSubmission s) -> s.indicatorCode).thenComparing(s -> s.unitCode))
                    .map(s -> new DataValue(s.indicatorCode, Dhis2.period(p), s.unitCode,
                            ValueRules.normal(s.value).toPlainString(), s.submittedBy, s.submittedAt.toString(),
                            s.submittedAt.toString(), s.note))
                    .toList();
            return new DataValueSet(Dhis2.period(p), orgUnit, values);
        });
    }
}
