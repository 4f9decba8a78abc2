package vn.city.indicator.figure.rest;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import vn.city.common.security.UnitAccess;
import vn.city.indicator.figure.FigureMetrics;
import vn.city.indicator.figure.FigureReceipt;
import vn.city.indicator.figure.FigureView;
import vn.city.indicator.figure.service.FigureService;
import vn.city.indicator.time.QueryParams;

import java.time.Clock;
import java.util.List;

@Path("/api/figures")
@Tag(name = "figures", description = "Figures submitted by departments, wards and communes: every version kept")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FigureResource {

    private final FigureService figures;
    private final UnitAccess access;
    private final Clock clock;
    private final FigureMetrics metrics;

    public FigureResource(FigureService figures, UnitAccess access, Clock clock, FigureMetrics metrics) {
        this.figures = figures;
        this.access = access;
        this.clock = clock;
        this.metrics = metrics;
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Submit a figure for the caller's own unit (the secretariat for any)",
            description = "Kept for ever with who, when and the note; the current value is the newest of the highest "
                    + "grade (OFFICIAL > PRELIMINARY > ESTIMATE). Answers with whether it was on time, whether it is "
                    + "an outlier of the unit's history, and the unit's and the city's results. Announced as "
                    + "figure-submitted (and indicator-off-track the first time it falls behind).")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "estimate", value = """
                    {"indicatorCode": "BUDGET_REVENUE", "unitCode": "FIN", "period": "2017-10", "version": "ESTIMATE",
                     "value": 4.15, "measureUnit": "tỷ đồng", "note": "Thu ngân sách ước đạt 4,15 tỷ"}"""),
            @ExampleObject(name = "Vietnamese text with year to date", value = """
                    {"indicatorCode": "RETAIL_SALES", "unitCode": "ECO", "period": "2022-06", "version": "ESTIMATE",
                     "valueText": "285", "yearToDate": 1739.5, "note": "lũy kế 06 tháng đầu năm"}""")}))
    @APIResponse(responseCode = "201", description = "Stored",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FigureReceipt.class)))
    @APIResponse(responseCode = "400", description = "Unreadable body or a non-number (problem+json naming the field)")
    @APIResponse(responseCode = "403", description = "Not the caller's unit")
    @APIResponse(responseCode = "422", description = "A rule is broken (problem+json naming field and rule); nothing stored")
    public Uni<FigureReceipt> submit(@Valid @NotNull SubmitFigure request) {
        return figures.submit(request.toCommand(), access.user(), "API")
                .invoke(stored -> metrics.submitted("API"))
                .onFailure().invoke(metrics::refused);
    }

    @GET
    @Operation(summary = "Every submission of one figure, oldest first, as known at asOf (default now)")
    public Uni<List<FigureView>> history(
            @Parameter(required = true, example = "BUDGET_REVENUE") @QueryParam("indicator") String indicator,
            @Parameter(required = true, example = "FIN") @QueryParam("unit") String unit,
            @Parameter(required = true, example = "2017-10") @QueryParam("period") String period,
            @Parameter(example = "2017-11-05T00:00:00Z") @QueryParam("asOf") String asOf) {
        return figures.history(QueryParams.required("indicator", indicator), QueryParams.required("unit", unit),
                QueryParams.period(period).toString(), QueryParams.asOf(asOf, clock));
    }

    @GET
    @Path("current")
    @Operation(summary = "The current submission of one figure as known at asOf: the newest of the highest grade")
    @APIResponse(responseCode = "404", description = "Nothing submitted by then")
    public Uni<FigureView> current(
            @Parameter(required = true, example = "BUDGET_REVENUE") @QueryParam("indicator") String indicator,
            @Parameter(required = true, example = "FIN") @QueryParam("unit") String unit,
            @Parameter(required = true, example = "2017-10") @QueryParam("period") String period,
            @Parameter(example = "2017-11-05T00:00:00Z") @QueryParam("asOf") String asOf) {
        return figures.current(QueryParams.required("indicator", indicator), QueryParams.required("unit", unit),
                QueryParams.period(period).toString(), QueryParams.asOf(asOf, clock));
    }
}
