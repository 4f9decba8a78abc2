package vn.city.indicator.reporting.rest;

import vn.city.indicator.CatalogueChanges;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import vn.city.common.security.Roles;
import vn.city.common.security.UnitAccess;
import vn.city.common.period.PeriodKind;
import vn.city.indicator.reporting.ReportingRules;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.city.common.period.Period;
import vn.city.indicator.reporting.Completeness;
import vn.city.indicator.reporting.ReportingCalendar;
import vn.city.indicator.reporting.ReportingWindow;
import vn.city.indicator.reporting.service.ReportingCompleteness;
import vn.city.indicator.time.QueryParams;

import java.time.Clock;
import java.util.Set;

@Path("/api/reporting")
@Tag(name = "reporting", description = "Decree 09/2019/NĐ-CP reporting windows, deadlines and completeness")
@Produces(MediaType.APPLICATION_JSON)
public class ReportingResource {

    private final ReportingCalendar calendar;
    private final UnitAccess access;
    private final Clock clock;

    private final CatalogueChanges cache;

    private final ReportingCompleteness completeness;

    public ReportingResource(ReportingCalendar calendar, UnitAccess access, CatalogueChanges cache, Clock clock,
                             ReportingCompleteness completeness) {
        this.completeness = completeness;
        this.calendar = calendar;
        this.access = access;
        this.cache = cache;
        this.clock = clock;
    }

    public record Deadlines(int cutOffDay, int monthlyDeadlineDay, int quarterlyDeadlineDay, int halfYearDeadlineDay,
                            int yearlyDeadlineDay, String zone, String rule) {

        static Deadlines of(ReportingRules r) {
            return new Deadlines(r.cutOffDay(), r.deadlineDays().get(PeriodKind.MONTH),
                    r.deadlineDays().get(PeriodKind.QUARTER), r.deadlineDays().get(PeriodKind.HALF_YEAR),
                    r.deadlineDays().get(PeriodKind.YEAR), r.zone().getId(),
                    "Decree 09/2019/NĐ-CP art. 12: data to the cut-off day of the period's last month; "
                            + "the report is due by the end of the deadline day of that month (the decree: the 20th at the latest)");
        }
    }

    /** A new deadline day for one period kind. */
    public record DeadlineChange(@NotNull PeriodKind periodKind, @NotNull @Min(1) @Max(28) Integer deadlineDay) {
    }

    @GET
    @Path("windows")
    @Operation(summary = "A period's data window and report deadline",
            description = "Data runs from the day after the cut-off (14th) of the month before the period to the "
                    + "cut-off of its last month; the report is due by the end of the deadline day of that month.")
    public Uni<ReportingWindow> window(@Parameter(required = true, example = "2022-06") @QueryParam("period") String period) {
        Period p = QueryParams.period(period);
        return calendar.rules().map(r -> r.window(p));
    }

    @GET
    @Path("deadlines")
    @Operation(summary = "The cut-off and deadline days in force (configured defaults, or as the secretariat set them)")
    public Uni<Deadlines> deadlines() {
        return calendar.rules().map(Deadlines::of);
    }

    @PUT
    @Path("deadlines")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the deadline day of a period kind (secretariat); on-time is judged against it from now on")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "quarterly by the 18th", value = """
            {"periodKind": "QUARTER", "deadlineDay": 18}""")))
    public Uni<Deadlines> setDeadline(@Valid @NotNull DeadlineChange change) {
        access.requireAnyRole(Roles.SECRETARIAT);
        return calendar.setDeadlineDay(change.periodKind(), change.deadlineDay(), access.user().username())
                .invoke(x -> cache.invalidate()).map(Deadlines::of);
    }

    @GET
    @Path("completeness")
    @Operation(summary = "Which units have not yet reported which indicators for a period (as known at asOf)",
            description = "Expected = each active indicator × each of its reporting units that existed in the period.")
    public Uni<Completeness> completeness(@Parameter(required = true, example = "2022-06") @QueryParam("period") String periodText,
                                          @Parameter(example = "2022-06-21T00:00:00Z") @QueryParam("asOf") String asOfText) {
        return completeness.of(QueryParams.period(periodText), QueryParams.asOf(asOfText, clock));
    }
}
