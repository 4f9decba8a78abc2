package vn.city.indicator.catalogue.rest;

import vn.city.indicator.catalogue.MeasureUnitView;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import vn.city.common.security.Roles;
import vn.city.common.security.UnitAccess;
import vn.city.indicator.catalogue.IndicatorView;
import vn.city.indicator.catalogue.service.CatalogueService;

import java.util.List;

@Path("/api/indicators")
@Tag(name = "indicators", description = "The indicator catalogue (chỉ tiêu) and the list of measure units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IndicatorResource {

    private final CatalogueService catalogue;
    private final UnitAccess access;

    private final CatalogueChanges cache;

    public IndicatorResource(CatalogueService catalogue, UnitAccess access, CatalogueChanges cache) {
        this.catalogue = catalogue;
        this.access = access;
        this.cache = cache;
    }

    @GET
    @Operation(summary = "The catalogue, optionally filtered by category or owner unit")
    public Uni<List<IndicatorView>> list(@QueryParam("category") String category, @QueryParam("ownerUnit") String owner) {
        return catalogue.list(category, owner);
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One indicator")
    @APIResponse(responseCode = "404", description = "No such indicator")
    public Uni<IndicatorView> get(@PathParam("code") String code) {
        return catalogue.get(code);
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Add an indicator (secretariat); announced as indicator-changed")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "retail sales", value = """
            {"code": "RETAIL_SALES", "name": "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
             "measureUnit": "tỷ đồng", "nature": "FLOW", "direction": "HIGHER_IS_BETTER", "ownerUnit": "ECO",
             "category": "Thương mại – dịch vụ", "active": true, "allowNegative": false,
             "reportingUnits": ["CITY", "ECO"]}""")))
    public Uni<IndicatorView> create(@Valid @NotNull IndicatorRequest request) {
        access.requireAnyRole(Roles.SECRETARIAT);
        return catalogue.create(request.toCommand())
                .invoke(x -> cache.invalidate());
    }

    @PUT
    @Path("{code}")
    @Operation(summary = "Change an indicator (secretariat); announced as indicator-changed")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "poverty rate", value = """
            {"name": "Tỷ lệ hộ nghèo", "measureUnit": "%", "nature": "LEVEL", "direction": "LOWER_IS_BETTER",
             "ownerUnit": "LAB", "category": "An sinh xã hội", "reportingUnits": ["CITY", "LAB"]}""")))
    public Uni<IndicatorView> update(@PathParam("code") String code, @Valid @NotNull IndicatorRequest request) {
        access.requireAnyRole(Roles.SECRETARIAT);
        return catalogue.update(code, request.toCommand())
                .invoke(x -> cache.invalidate());
    }

    @GET
    @Path("measure-units")
    @Operation(summary = "The extensible list of measure units (tỷ đồng, tấn, tạ/ha, %, …)")
    public Uni<List<MeasureUnitView>> measureUnits() {
        return catalogue.measureUnits();
    }

    @POST
    @Path("measure-units")
    @ResponseStatus(201)
    @Operation(summary = "Add a measure unit (secretariat)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "con", value = """
            {"code": "con", "name": "con (gia súc, gia cầm)"}""")))
    public Uni<MeasureUnitView> addMeasureUnit(@Valid @NotNull MeasureUnitView request) {
        access.requireAnyRole(Roles.SECRETARIAT);
        return catalogue.addMeasureUnit(request);
    }
}
