package vn.city.meeting.readmodel.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Keeps the city's result per indicator and period up to date as indicator-service's events arrive, inside the
 * consumer's transaction (the highest revision wins). Each unit's own result is stored with its submission
 * ({@link FigureSubmissions}).
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

    private static final String CITY = """
            insert into city_result (indicator_code, period, indicator_name, measure_unit, nature, direction, category,
                owner_unit, aggregation, change_kind, decimals, formed_from_months, value, year_to_date, target,
                attainment_percent, expected_percent, same_period_last_year, change, status, current_version, partial,
                contributing_units, missing_units, revision, computed_at, cause, received_at)
            values (:indicator, :period, :name, :measureUnit, :nature, :direction, :category, :owner, :aggregation,
                :changeKind, cast(:decimals as int), :formed, cast(:value as numeric), cast(:ytd as numeric),
                cast(:target as numeric), cast(:attainment as numeric), cast(:expected as numeric),
                cast(:spl as numeric), cast(:change as numeric), :status, :version, :partial,
                string_to_array(:contributing, ','), string_to_array(:missing, ','), :revision,
                cast(:computedAt as timestamptz), :cause, now())
            on conflict (indicator_code, period) do update set indicator_name = excluded.indicator_name,
                measure_unit = excluded.measure_unit, nature = excluded.nature, direction = excluded.direction,
                category = excluded.category, owner_unit = excluded.owner_unit, aggregation = excluded.aggregation,
                change_kind = excluded.change_kind, decimals = excluded.decimals,
                formed_from_months = excluded.formed_from_months, value = excluded.value,
                year_to_date = excluded.year_to_date, target = excluded.target,
                attainment_percent = excluded.attainment_percent, expected_percent = excluded.expected_percent,
                same_period_last_year = excluded.same_period_last_year, change = excluded.change,
                status = excluded.status, current_version = coalesce(excluded.current_version, city_result.current_version),
                partial = excluded.partial, contributing_units = excluded.contributing_units,
                missing_units = excluded.missing_units, revision = excluded.revision,
                computed_at = excluded.computed_at, cause = excluded.cause, received_at = excluded.received_at
            where city_result.revision < excluded.revision
            """;

    /** Stores the city's result unless a higher revision is already kept. @return whether it was stored */
    public Uni<Boolean> apply(CityResult c) {
        return Panache.getSession().chain(s -> figures(s.createNativeQuery(CITY), c.figures())
                .setParameter("indicator", c.indicatorCode())
                .setParameter("period", c.period())
                .setParameter("name", c.indicatorName())
                .setParameter("measureUnit", c.measureUnit())
                .setParameter("nature", c.nature())
                .setParameter("direction", c.direction())
                .setParameter("category", c.category())
                .setParameter("owner", c.ownerUnit())
                .setParameter("aggregation", c.aggregation())
                .setParameter("changeKind", c.changeKind())
                .setParameter("decimals", c.decimals())
                .setParameter("formed", c.formedFromMonths())
                .setParameter("partial", c.partial())
                .setParameter("contributing", String.join(",", c.contributingUnits()))
                .setParameter("missing", String.join(",", c.missingUnits()))
                .setParameter("revision", c.revision())
                .setParameter("computedAt", c.computedAt())
                .setParameter("cause", c.cause())
                .executeUpdate()).map(n -> n > 0);
    }

    private static <T> Mutiny.Query<T> figures(Mutiny.Query<T> q, Figures f) {
        return q.setParameter("value", f.value())
                .setParameter("ytd", f.yearToDate())
                .setParameter("target", f.target())
                .setParameter("attainment", f.attainmentPercent())
                .setParameter("expected", f.expectedPercent())
                .setParameter("spl", f.samePeriodLastYear())
                .setParameter("change", f.change())
                .setParameter("status", f.status())
                .setParameter("version", f.currentVersion());
    }
}
