package vn.city.indicator.result.rest;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.city.common.period.Period;
import vn.city.indicator.result.CityResultView;
import vn.city.indicator.result.Result;
import vn.city.indicator.result.service.ResultExport;
import vn.city.indicator.result.service.ResultService;
import vn.city.indicator.result.service.ResultWorkbook;
import vn.city.indicator.time.QueryParams;

import java.time.Clock;

@Path("/api/results")
@Tag(name = "results", description = "Period value, year to date, attainment of target, same period last year, status")
public class ResultResource {

    private final ResultService results;
    private final ResultExport export;
    private final ResultWorkbook workbook;
    private final Clock clock;

    public ResultResource(ResultService results, ResultExport export, ResultWorkbook workbook, Clock clock) {
        this.results = results;
        this.export = export;
        this.workbook = workbook;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An indicator's result for a unit (or the city total when unit is absent or CITY) and period",
            description = "As known at asOf (default now). A flow's year to date sums the year's months; a level's is "
                    + "its latest value. attainmentPercent = year to date / target; expectedPercent = share expected by "
                    + "elapsed time; change is % for flows and percentage points for levels.")
    @APIResponse(responseCode = "200", description = "The result",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Result.class)))
    @APIResponse(responseCode = "404", description = "No such indicator")
    public Uni<Result> result(@Parameter(required = true, example = "RETAIL_SALES") @QueryParam("indicator") String indicator,
                              @Parameter(example = "ECO") @QueryParam("unit") String unit,
                              @Parameter(required = true, example = "2022-06") @QueryParam("period") String period,
                              @Parameter(example = "2022-06-30T10:00:00Z") @QueryParam("asOf") String asOf) {
        return results.result(QueryParams.required("indicator", indicator), unit, QueryParams.period(period),
                QueryParams.asOf(asOf, clock));
    }

    @GET
    @Path("city")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An indicator's city result, formed as the indicator's aggregation declares it",
            description = "OWNER_REPORTED: the owner unit's figure (else the CITY unit's); SUM_OF_UNITS: the wards and "
                    + "communes under the city that report it (partial, with the missing units, until all have); "
                    + "WEIGHTED: numerator over denominator; NOT_AGGREGATED: no content (204). A quarter, half year "
                    + "or year without a figure of its own is formed from its months.")
    @APIResponse(responseCode = "204", description = "The indicator has no city figure (NOT_AGGREGATED)")
    public Uni<CityResultView> city(@Parameter(required = true, example = "BUDGET_REVENUE") @QueryParam("indicator") String indicator,
                            @Parameter(required = true, example = "2017-10") @QueryParam("period") String period,
                            @Parameter(example = "2017-11-05T00:00:00Z") @QueryParam("asOf") String asOf) {
        return results.cityResult(QueryParams.required("indicator", indicator), QueryParams.period(period),
                QueryParams.asOf(asOf, clock));
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @Operation(summary = "Every result of a period as CSV: each indicator for each unit that reported it, and the city",
            description = "Columns: indicatorCode,indicatorName,measureUnit,unitCode,period,value,yearToDate,target,"
                    + "attainmentPercent,expectedPercent,samePeriodLastYear,change,changeKind,status,currentVersion")
    public Uni<String> exportCsv(@Parameter(required = true, example = "2022-06") @QueryParam("period") String period,
                                 @QueryParam("asOf") String asOf) {
        return export.csv(QueryParams.period(period), QueryParams.asOf(asOf, clock));
    }

    // Issue 18: the monthly report of results as an Excel sheet (ResultWorkbook).
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @GET
    @Path("export.xlsx")
    @Produces(XLSX)
    @Operation(summary = "The report of a period's results as one Excel sheet, indicators by category",
            description = "The city's figure of every active indicator: value, year to date (lũy kế), the year's target, "
                    + "% of target, same period last year, the change and the status, as numbers with display formats "
                    + "(the indicator's decimals, %, measure unit); units are named, a partial city total names the "
                    + "units still missing.")
    @APIResponse(responseCode = "200", description = "The workbook",
            content = @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "period missing or not a period")
    public Uni<Response> exportXlsx(@Parameter(example = "2022-06", required = true) @QueryParam("period") String period,
                                    @Parameter(example = "2022-07-05T00:00:00Z") @QueryParam("asOf") String asOf) {
        Period p = QueryParams.period(period);
        return workbook.report(p, QueryParams.asOf(asOf, clock))
                // Writing the file is CPU work: off the event loop, once the session is done.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(report -> Response.ok(ResultWorkbook.write(report), XLSX)
                        .header("Content-Disposition", "attachment; filename=\"ket-qua-chi-tieu-" + p + ".xlsx\"")
                        .build());
    }
}
