package vn.city.indicator.unit.rest;

import vn.city.indicator.CatalogueChanges;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import vn.city.common.security.Roles;
import vn.city.common.security.UnitAccess;
import vn.city.indicator.unit.UnitView;
import vn.city.indicator.unit.service.UnitService;

import java.util.List;

@Path("/api/units")
@Tag(name = "units", description = "Organisation units: the city, its departments, wards and communes, with their history")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnitResource {

    private final UnitService units;
    private final UnitAccess access;

    private final CatalogueChanges cache;

    public UnitResource(UnitService units, UnitAccess access, CatalogueChanges cache) {
        this.units = units;
        this.access = access;
        this.cache = cache;
    }

    @GET
    @Operation(summary = "All units, with their validity and predecessors/successors")
    public Uni<List<UnitView>> list() {
        return units.list();
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One unit")
    @APIResponse(responseCode = "404", description = "No such unit")
    public Uni<UnitView> get(@PathParam("code") String code) {
        return units.get(code);
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Create a unit (secretariat); announced as unit-changed")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "ward", value = """
            {"code": "W-BACKAN", "name": "Phường Bắc Kạn", "kind": "WARD", "parentCode": null,
             "active": true, "validFrom": "2025-07-01", "validTo": null}""")))
    @APIResponse(responseCode = "409", description = "The code exists")
    public Uni<UnitView> create(@Valid @NotNull UnitRequest request) {
        access.requireAnyRole(Roles.SECRETARIAT);
        return units.create(request.toCommand())
                .invoke(x -> cache.invalidate());
    }

    @PUT
    @Path("{code}")
    @Operation(summary = "Rename, re-parent, (de)activate or re-date a unit (secretariat); announced as unit-changed")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "rename", value = """
            {"name": "Phường Sông Cầu (mới)", "kind": "WARD", "parentCode": "CITY", "active": true,
             "validFrom": "1997-01-01"}""")))
    public Uni<UnitView> update(@PathParam("code") String code, @Valid @NotNull UnitRequest request) {
        access.requireAnyRole(Roles.SECRETARIAT);
        return units.update(code, request.toCommand())
                .invoke(x -> cache.invalidate());
    }

    @POST
    @Path("{code}/succession")
    @ResponseStatus(201)
    @Operation(summary = "Record that this unit is merged into, split into or renamed to a successor from a date",
            description = "The predecessor keeps its figures; the successor's results include them for periods that "
                    + "ended before the effective date, so comparisons with the same period last year still work.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "merge", value = """
            {"successorCode": "W-BACKAN", "kind": "MERGE", "effectiveDate": "2025-07-01",
             "note": "Nghị quyết 1683/NQ-UBTVQH15 sắp xếp đơn vị hành chính cấp xã"}""")))
    public Uni<UnitView> succession(@PathParam("code") String code, @Valid @NotNull SuccessionRequest request) {
        access.requireAnyRole(Roles.SECRETARIAT);
        return units.recordSuccession(code, request.toCommand(), access.user().username())
                .invoke(x -> cache.invalidate());
    }
}
