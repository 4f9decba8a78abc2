package vn.city.indicator.imports;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import vn.city.common.security.CurrentUser;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import vn.city.common.problem.Problem;
import vn.city.common.problem.ProblemException;
import vn.city.common.security.UnitAccess;
import vn.city.indicator.figure.FigureReceipt;
import vn.city.indicator.figure.FigureCommand;
import vn.city.indicator.figure.service.FigureService;
import vn.city.indicator.result.FigureVersion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

@Path("/api/imports")
@Tag(name = "imports", description = "Bulk submission of figures: CSV, and DHIS2 dataValueSets JSON; all or nothing")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    static final List<String> REQUIRED = List.of("indicatorCode", "unitCode", "period", "version", "value");
    static final List<String> OPTIONAL = List.of("yearToDate", "measureUnit", "note");
    private static final java.util.regex.Pattern DHIS2_PERIOD =
            java.util.regex.Pattern.compile("(\\d{4})(?:(\\d{2})|Q([1-4])|S([12]))?");

    static final long SYNC_LIMIT = 64 * 1024;

    private final FigureService figures;
    private final UnitAccess access;
    private final ImportJobs jobs;

    public ImportResource(FigureService figures, UnitAccess access, ImportJobs jobs) {
        this.figures = figures;
        this.access = access;
        this.jobs = jobs;
    }

    @POST
    @Path("figures")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Blocking
    @Operation(summary = "Import figures from CSV (UTF-8, one row a figure, all or nothing; a large file becomes a job)",
            description = "Header: indicatorCode,unitCode,period,version,value[,yearToDate,measureUnit,note]. value and "
                    + "yearToDate are written the Vietnamese way (quote them: \"1.739,5\"). Errors name the CSV line: "
                    + "rows[2].value is the first data line's value. An officer may import only its own unit's rows. "
                    + "A file up to 64 KiB (without async=true) is answered at once: 201 with the figures, 422 with "
                    + "every error. A larger one answers 202 Accepted with a Location to follow "
                    + "(GET /api/imports/jobs/{id}: rows read, rejected, written, percent, errors). The same file sent "
                    + "again is not imported again: 200 with the earlier job.")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "two figures", value = """
            indicatorCode,unitCode,period,version,value,yearToDate,measureUnit,note
            RETAIL_SALES,ECO,2022-06,ESTIMATE,285,"1.739,5",tỷ đồng,ước tháng 6
            INDUSTRIAL_OUTPUT,ECO,2022-06,ESTIMATE,"24.252,92","145.244,67",triệu đồng,""")))
    @APIResponse(responseCode = "201", description = "A small file, imported",
            headers = @Header(name = "Location", description = "The import job", required = true,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "200", description = "The same file was imported before: the earlier job",
            headers = @Header(name = "Location", description = "The earlier import job", required = true,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportJobs.JobStatus.class)))
    @APIResponse(responseCode = "202", description = "A large file (or async=true), imported as a job: follow Location",
            headers = @Header(name = "Location", description = "The import job to follow", required = true,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportJobs.JobStatus.class)))
    @APIResponse(responseCode = "422", description = "Some rows break a rule: all are listed, nothing is stored")
    public Response csv(InputStream body, @QueryParam("async") boolean async) throws Exception {
        CurrentUser user = access.user();
        ImportJobs.Spooled file = jobs.spool(body);
        try {
            jobs.checkCsvHeader(file);
            BulkImport.Registration job = jobs.register(file, "CSV", user);
            URI location = URI.create("/api/imports/jobs/" + job.id());
            if (job.repeated()) {
                jobs.delete(file);
                return Response.ok(jobs.status(job.id())).location(location).build();
            }
            if (async || file.bytes() > SYNC_LIMIT) {
                jobs.runLater(job.id(), file, "CSV", user, null);
                return Response.accepted(jobs.status(job.id())).location(location).build();
            }
            BulkImport.Outcome outcome = jobs.runNow(job.id(), file, "CSV", user, null, true);
            if (outcome.forbidden()) {
                throw ProblemException.forbidden(outcome.errors().stream().filter(e -> "forbidden".equals(e.rule()))
                        .findFirst().map(Problem.FieldViolation::message).orElse("not the caller's unit"));
            }
            if (!"SUCCEEDED".equals(outcome.state())) {
                throw ProblemException.invalid(outcome.errors());
            }
            return Response.status(201).location(location)
                    .entity(new ImportReport(outcome.rowsWritten(), outcome.figures())).build();
        } catch (RuntimeException e) {
            jobs.delete(file);
            throw e;
        }
    }

    @GET
    @Path("jobs/{id}")
    @Blocking
    @Operation(summary = "An import job: state (QUEUED, RUNNING, SUCCEEDED, FAILED), rows read, rejected and written, "
            + "percent done, and the errors of a refused file (at most " + BulkImport.ERROR_CAP + ")")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportJobs.JobStatus.class)))
    @APIResponse(responseCode = "404", description = "No such job")
    public ImportJobs.JobStatus job(@PathParam("id") UUID id) throws Exception {
        return jobs.status(id);
    }

    @POST
    @Path("dhis2")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Import a DHIS2 dataValueSets document (all or nothing)",
            description = "dataElement = indicator code, orgUnit = unit code, period in DHIS2 form (202206, 2022Q2, "
                    + "2022S1, 2022), value as DHIS2 sends it (a plain number string). The version applies to all values.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "dataValueSets", value = """
            {"dataSet": "monthly-briefing", "period": "202206", "orgUnit": "ECO",
             "dataValues": [{"dataElement": "RETAIL_SALES", "value": "285", "comment": "ước tháng 6"},
                            {"dataElement": "INDUSTRIAL_OUTPUT", "value": "24252.92"}]}""")))
    public Uni<ImportReport> dhis2(@Valid @NotNull Dhis2DataValueSet set,
                                   @QueryParam("version") FigureVersion version) {
        FigureVersion v = version == null ? FigureVersion.ESTIMATE : version;
        List<FigureCommand> rows = new ArrayList<>();
        List<Problem.FieldViolation> errors = new ArrayList<>();
        for (int n = 0; n < set.dataValues().size(); n++) {
            Dhis2DataValueSet.DataValue dv = set.dataValues().get(n);
            String period = dv.period() != null ? dv.period() : set.period();
            String unit = dv.orgUnit() != null ? dv.orgUnit() : set.orgUnit();
            rows.add(new FigureCommand(dv.dataElement(), unit, dhis2Period(period, "dataValues[" + n + "].period", errors),
                    v, dhis2Value(dv.value(), "dataValues[" + n + "].value", errors), null, null, null, dv.comment()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return figures.submitAll(rows, access.user(), "DHIS2", "dataValues", 0).map(ImportResource::report);
    }

    private static ImportReport report(List<FigureReceipt> receipts) {
        return new ImportReport(receipts.size(), receipts.stream().map(FigureReceipt::figure).toList());
    }

    private static String cell(List<String> row, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        if (i == null) {
            return null;
        }
        String v = row.get(i).trim();
        return v.isEmpty() ? null : v;
    }

    private static FigureVersion version(String text, String field, List<Problem.FieldViolation> errors) {
        if (text == null) {
            return null;
        }
        try {
            return FigureVersion.valueOf(text.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldViolation(field, "one-of", "'" + text + "' is not ESTIMATE, PRELIMINARY or OFFICIAL"));
            return null;
        }
    }

    private static java.math.BigDecimal number(String text, String field, List<Problem.FieldViolation> errors) {
        if (text == null) {
            return null;
        }
        try {
            return vn.city.indicator.figure.VietnameseNumber.parse(text);
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage();
            int colon = msg.indexOf(':');
            errors.add(new Problem.FieldViolation(field, msg.substring(0, colon), msg.substring(colon + 2)));
            return null;
        }
    }

    /** DHIS2 sends values as plain machine numbers ("840.5"), not Vietnamese writing. */
    static java.math.BigDecimal dhis2Value(String text, String field, List<Problem.FieldViolation> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new Problem.FieldViolation(field, "required", "a value is required"));
            return null;
        }
        try {
            return new java.math.BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldViolation(field, "number-format", "'" + text + "' is not a DHIS2 number (840.5)"));
            return null;
        }
    }

    static String dhis2Period(String text, String field, List<Problem.FieldViolation> errors) {
        if (text == null) {
            return null;
        }
        Matcher m = DHIS2_PERIOD.matcher(text.trim());
        if (!m.matches()) {
            errors.add(new Problem.FieldViolation(field, "format", "'" + text + "' is not a DHIS2 period (202206, 2022Q2, 2022S1, 2022)"));
            return null;
        }
        if (m.group(2) != null) {
            return m.group(1) + "-" + m.group(2);
        }
        if (m.group(3) != null) {
            return m.group(1) + "-Q" + m.group(3);
        }
        if (m.group(4) != null) {
            return m.group(1) + "-H" + m.group(4);
        }
        return m.group(1);
    }
}
