package vn.city.indicator.target.rest;

import vn.city.indicator.CatalogueChanges;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import vn.city.common.problem.ProblemException;
import vn.city.common.security.Roles;
import vn.city.common.security.UnitAccess;
import vn.city.indicator.target.TargetView;
import vn.city.indicator.target.service.TargetService;

import java.util.List;

@Path("/api/targets")
@Tag(name = "targets", description = "Annual targets per indicator (and optionally unit), from a resolution or plan, with revisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TargetResource {

    private final TargetService targets;
    private final UnitAccess access;

    private final CatalogueChanges cache;

    public TargetResource(TargetService targets, UnitAccess access, CatalogueChanges cache) {
        this.targets = targets;
        this.access = access;
        this.cache = cache;
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Set or revise a target (secretariat); a revision keeps the earlier ones; announced as target-set")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "resolution", value = """
                    {"indicatorCode": "BUDGET_REVENUE", "year": 2017, "unitCode": null, "value": 112,
                     "kind": "RESOLUTION", "documentNumber": "NQ-HĐND 2017", "documentDate": "2016-12-20"}"""),
            @ExampleObject(name = "plan, Vietnamese number", value = """
                    {"indicatorCode": "RETAIL_SALES", "year": 2022, "valueText": "3.439,1", "kind": "PLAN",
                     "documentNumber": "2888/QĐ-UBND", "documentDate": "2013-12-20"}""")}))
    public Uni<TargetView> set(@Valid @NotNull TargetRequest request) {
        access.requireAnyRole(Roles.SECRETARIAT);
        return targets.set(request.toCommand(), access.user().username())
                .invoke(x -> cache.invalidate());
    }

    @GET
    @Operation(summary = "The current targets (latest revision), optionally of one indicator and/or year")
    public Uni<List<TargetView>> current(@QueryParam("indicator") String indicator, @QueryParam("year") Integer year) {
        return targets.current(indicator, year);
    }

    @GET
    @Path("history")
    @Operation(summary = "Every revision of one target, oldest first")
    public Uni<List<TargetView>> history(@QueryParam("indicator") String indicator, @QueryParam("year") Integer year,
                                         @QueryParam("unit") String unit) {
        if (indicator == null) {
            throw ProblemException.badRequest("indicator", "required", "the indicator query parameter is required");
        }
        if (year == null) {
            throw ProblemException.badRequest("year", "required", "the year query parameter is required");
        }
        return targets.revisions(indicator, year, unit);
    }
}
