package vn.city.indicator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * The benchmark's bare baseline (deploy/benchmark): the single-row insert of a figure submission, on the same
 * reactive persistence stack, without authentication, validation, result computation or outbox. It answers 404
 * unless the process runs with {@code city.bench.enabled=true}; the benchmark also opens {@code /bench/*} to
 * anonymous callers and the policy enforcer at run time (see deploy/benchmark/README.md).
 */
@Path("/bench/baseline")
public class BareBaselineResource {

    private static final String INSERT = """
            insert into bench_baseline (id, indicator_code, unit_code, period, period_kind, period_year, version, value,
                                        year_to_date, submitted_by, submitted_at, note, on_time, outlier, channel)
            values (?1, ?2, ?3, ?4, 'MONTH', ?5, ?6, ?7, null, 'bench', ?8, null, true, false, 'BENCH')""";

    private final boolean enabled;

    public BareBaselineResource(@ConfigProperty(name = "city.bench.enabled", defaultValue = "false") boolean enabled) {
        this.enabled = enabled;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Uni<Response> insert(JsonNode body) {
        if (!enabled) {
            return Uni.createFrom().item(Response.status(Response.Status.NOT_FOUND).build());
        }
        UUID id = UUID.randomUUID();
        String period = body.path("period").asText("2020-01");
        int year = period.length() >= 4 ? Integer.parseInt(period.substring(0, 4)) : 2020;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(INSERT)
                        .setParameter(1, id)
                        .setParameter(2, body.path("indicatorCode").asText("BENCH"))
                        .setParameter(3, body.path("unitCode").asText("BENCH"))
                        .setParameter(4, period)
                        .setParameter(5, year)
                        .setParameter(6, body.path("version").asText("OFFICIAL"))
                        .setParameter(7, new BigDecimal(body.path("value").asText("0")))
                        .setParameter(8, now)
                        .executeUpdate()))
                .map(n -> Response.status(Response.Status.CREATED)
                        .entity(Map.of("id", id.toString(), "submittedAt", now.toString())).build());
    }
}
