package vn.city.meeting.readmodel.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.event.CloudEvent;
import vn.city.common.inbox.Inbox;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Keeps the city's result per indicator and period up to date as indicator-service's events arrive (the highest
 * revision wins): ONE statement with the inbox row and the marks of the pack line it changes, committing on its own
 * (with SUM_OF_UNITS every figure brings several city results, so this is the consumer's most frequent event). Each
 * unit's own result is stored with its submission ({@link FigureSubmissions}).
 */
@ApplicationScoped
public class ResultRepository {

    /** A result as the events carry it (Result / CityResultChanged). */
    public record Figures(BigDecimal value, BigDecimal yearToDate, BigDecimal target, BigDecimal attainmentPercent,
                          BigDecimal expectedPercent, BigDecimal samePeriodLastYear, BigDecimal change,
                          String changeKind, String status, String currentVersion) {
    }

    public record CityResult(String indicatorCode, String period, String indicatorName, String measureUnit,
                             String nature, String direction, String category, String ownerUnit, String aggregation,
                             String changeKind, Integer decimals, boolean formedFromMonths, Figures figures,
                             boolean partial, List<String> contributingUnits, List<String> missingUnits,
                             long revision, OffsetDateTime computedAt, String cause) {
    }

    static final String SQL = """
            with inbox as (%s),
            city as (
                insert into city_result (indicator_code, period, indicator_name, measure_unit, nature, direction,
                    category, owner_unit, aggregation, change_kind, decimals, formed_from_months, value, year_to_date,
                    target, attainment_percent, expected_percent, same_period_last_year, change, status,
                    current_version, partial, contributing_units, missing_units, revision, computed_at, cause,
                    received_at)
                select $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::int, $15::boolean, cast($16::text as numeric),
                    cast($17::text as numeric), cast($18::text as numeric), cast($19::text as numeric),
                    cast($20::text as numeric), cast($21::text as numeric), cast($22::text as numeric), $23, $24,
                    $25::boolean, $26::text[], $27::text[], $28::bigint, $29::timestamptz, $30, now()
                where exists (select 1 from inbox)
                on conflict (indicator_code, period) do update set indicator_name = excluded.indicator_name,
                    measure_unit = excluded.measure_unit, nature = excluded.nature, direction = excluded.direction,
                    category = excluded.category, owner_unit = excluded.owner_unit, aggregation = excluded.aggregation,
                    change_kind = excluded.change_kind, decimals = excluded.decimals,
                    formed_from_months = excluded.formed_from_months, value = excluded.value,
                    year_to_date = excluded.year_to_date, target = excluded.target,
                    attainment_percent = excluded.attainment_percent, expected_percent = excluded.expected_percent,
                    same_period_last_year = excluded.same_period_last_year, change = excluded.change,
                    status = excluded.status,
                    current_version = coalesce(excluded.current_version, city_result.current_version),
                    partial = excluded.partial, contributing_units = excluded.contributing_units,
                    missing_units = excluded.missing_units, revision = excluded.revision,
                    computed_at = excluded.computed_at, cause = excluded.cause, received_at = excluded.received_at
                where city_result.revision < excluded.revision
                returning 1),
            mark as (%s)
            select count(*) as stored from city
            """.formatted(Inbox.RECORD, markLines("$4", "$31", "city"));

    /**
     * The marks of the pack lines a stored change shows (meeting-service's pack reads build them): of indicator
     * {@code indicator} for the periods of the array {@code periods}, when the query {@code stored} returned a row. In
     * one order, so that statements marking the same lines wait for each other instead of deadlocking.
     */
    static String markLines(String indicator, String periods, String stored) {
        return """
                insert into pack_line_pending (period, indicator_code, marked_at)
                select p, %s, now() from unnest(%s::text[]) p where exists (select 1 from %s) order by p
                on conflict (period, indicator_code) do update set marked_at = excluded.marked_at"""
                .formatted(indicator, periods, stored);
    }

    /**
     * Stores the city's result once for {@code consumer} unless a higher revision is already kept, and marks the pack
     * lines of {@code linePeriods}. When {@code thenWhenStored} is given, it runs in the same transaction after the
     * result is stored. {@code client}: the pool (the statement commits on its own, or with {@code thenWhenStored} in
     * a transaction of its own) or a connection in a batch's transaction. @return whether it was stored now
     */
    public Uni<Boolean> storeOnce(SqlClient client, String consumer, CloudEvent event, CityResult c, List<String> linePeriods,
                                  Function<SqlConnection, Uni<?>> thenWhenStored) {
        Figures f = c.figures();
        Tuple args = Tuple.tuple(Arrays.asList(consumer, event.id(), event.type(),
                c.indicatorCode(), c.period(), c.indicatorName(), c.measureUnit(), c.nature(), c.direction(),
                c.category(), c.ownerUnit(), c.aggregation(), c.changeKind(), c.decimals(), c.formedFromMonths(),
                text(f.value()), text(f.yearToDate()), text(f.target()), text(f.attainmentPercent()),
                text(f.expectedPercent()), text(f.samePeriodLastYear()), text(f.change()), f.status(),
                f.currentVersion(), c.partial(), c.contributingUnits().toArray(String[]::new),
                c.missingUnits().toArray(String[]::new), c.revision(), c.computedAt(), c.cause(),
                linePeriods.stream().sorted().toArray(String[]::new)));
        if (thenWhenStored == null) {
            return store(client, args);
        }
        if (client instanceof Pool pool) {
            return pool.withTransaction(conn -> storeThen(conn, args, thenWhenStored));
        }
        return storeThen((SqlConnection) client, args, thenWhenStored);
    }

    private static Uni<Boolean> storeThen(SqlConnection conn, Tuple args, Function<SqlConnection, Uni<?>> then) {
        return store(conn, args).call(stored -> stored ? then.apply(conn) : Uni.createFrom().voidItem());
    }

    private static Uni<Boolean> store(SqlClient client, Tuple args) {
        return client.preparedQuery(SQL).execute(args).map(rows -> rows.iterator().next().getLong("stored") > 0);
    }

    static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
