package vn.city.task.statistics.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.city.common.problem.ProblemException;
import vn.city.common.security.Roles;
import vn.city.common.security.UnitAccess;
import vn.city.task.statistics.PeriodStatistics;
import vn.city.task.statistics.TaskStatistics;

@Path("/api/statistics")
@Tag(name = "Statistics", description = "Task figures for the briefing pack")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {

    private final TaskStatistics statistics;
    private final UnitAccess access;

    public StatisticsResource(TaskStatistics statistics, UnitAccess access) {
        this.statistics = statistics;
        this.access = access;
    }

    @GET
    @Path("/units")
    @Operation(summary = "Per-unit task counts of a period",
            description = "By lead unit: assigned (not cancelled), done on time, done late, overdue and in progress "
                    + "as of today; a quarter, half year or year includes the months inside it.")
    public Uni<PeriodStatistics> units(
            @Parameter(required = true, description = "2022-07, 2022-Q3, 2022-H2 or 2022", example = "2022-07")
            @QueryParam("period") String period,
            @Parameter(description = "only this lead unit", example = "ENV") @QueryParam("unit") String unit) {
        access.requireAnyRole(Roles.VIEWER, Roles.OFFICER, Roles.SECRETARIAT, Roles.LEADER);
        if (period == null || period.isBlank()) {
            throw ProblemException.badRequest("period", "required", "give the period, e.g. period=2022-07");
        }
        return statistics.forPeriod(period, unit == null || unit.isBlank() ? null : unit.trim());
    }
}
