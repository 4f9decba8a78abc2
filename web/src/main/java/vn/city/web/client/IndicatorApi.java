package vn.city.web.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/** indicator-service's public API as the web uses it; {@code bearer} is the user's token ({@link ServiceToken}). */
@RegisterRestClient(configKey = "indicator")
@Path("/api")
public interface IndicatorApi {

    String AUDIENCE = "indicator-service";

    @GET
    @Path("/indicators")
    List<Dto.Indicator> indicators(@HeaderParam("Authorization") String bearer);

    @GET
    @Path("/units")
    List<Dto.Unit> units(@HeaderParam("Authorization") String bearer);

    @GET
    @Path("/results/export.csv")
    @Produces("text/csv")
    String resultsCsv(@HeaderParam("Authorization") String bearer, @QueryParam("period") String period);

    @GET
    @Path("/results")
    Dto.Result result(@HeaderParam("Authorization") String bearer, @QueryParam("indicator") String indicator,
            @QueryParam("unit") String unit, @QueryParam("period") String period);

    @GET
    @Path("/figures")
    List<Dto.Figure> figures(@HeaderParam("Authorization") String bearer, @QueryParam("indicator") String indicator,
            @QueryParam("unit") String unit, @QueryParam("period") String period);

    @POST
    @Path("/figures")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode submit(@HeaderParam("Authorization") String bearer, Dto.SubmitFigure figure);

    /** A small file answers 201 with the figures (422 with every row's error); a large one 202 Accepted with the
     * job's status and its Location; the same file sent again 200 with the earlier job. */
    @POST
    @Path("/imports/figures")
    @Consumes("text/csv")
    RestResponse<JsonNode> importCsv(@HeaderParam("Authorization") String bearer, java.io.InputStream csv);

    /** An import job: state, rowsRead, rowsRejected, rowsWritten, percent, errors, message. */
    @GET
    @Path("/imports/jobs/{id}")
    Dto.ImportJob importJob(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @GET
    @Path("/reporting/windows")
    JsonNode window(@HeaderParam("Authorization") String bearer, @QueryParam("period") String period);

    @GET
    @Path("/reporting/completeness")
    Dto.Completeness completeness(@HeaderParam("Authorization") String bearer, @QueryParam("period") String period);

    @GET
    @Path("/targets")
    List<Dto.Target> targets(@HeaderParam("Authorization") String bearer, @QueryParam("year") int year);
}
