package vn.city.indicator.result.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.outbox.Outbox;
import vn.city.indicator.catalogue.Indicator;
import vn.city.indicator.result.event.CityResultChanged;
import vn.city.indicator.EventNames;
import vn.city.common.period.Period;
import vn.city.common.period.PeriodKind;
import vn.city.indicator.result.CityAggregation;
import vn.city.indicator.result.FigurePoint;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Announces the city's results that changed, as {@code city-result-changed}, with a revision that only grows per
 * indicator and period. Callers hold {@link #lock} for the indicator and year first, so the revisions follow the
 * order in which the transactions saw the figures.
 */
@ApplicationScoped
public class CityResultPublisher {

    private final Outbox outbox;
    private final ResultService results;

    public CityResultPublisher(Outbox outbox, ResultService results) {
        this.outbox = outbox;
        this.results = results;
    }

    /** Serialises the transactions that change the city results of an indicator and year (until commit). */
    public static Uni<Void> lock(String indicatorCode, int year) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                                "select pg_advisory_xact_lock(hashtextextended(?1, 12))")
                        .setParameter(1, indicatorCode + "/" + year).getSingleResult())
                .replaceWithVoid();
    }

    /**
     * The periods whose city result a figure of {@code submitted} may change: the period itself, the quarter, half
     * year and year that enclose it, and every later period of the year that has figures (its year to date).
     */
    public static List<Period> affected(Period submitted, List<FigurePoint> points) {
        TreeSet<Period> periods = new TreeSet<>();
        periods.add(submitted);
        for (PeriodKind kind : PeriodKind.values()) {
            if (kind.months() > submitted.kind().months()) {
                periods.add(new Period(kind, submitted.year(), (submitted.endMonth() - 1) / kind.months() + 1));
            }
        }
        for (FigurePoint p : points) {
            if (p.period().year() == submitted.year() && p.period().endMonth() > submitted.endMonth()) {
                periods.add(p.period());
                for (PeriodKind kind : PeriodKind.values()) {
                    if (kind.months() > p.period().kind().months()) {
                        periods.add(new Period(kind, p.period().year(), (p.period().endMonth() - 1) / kind.months() + 1));
                    }
                }
            }
        }
        return new ArrayList<>(periods);
    }

    /** Announces the city result of each period that has one and differs from the last one announced. */
    public Uni<Void> publish(ResultService.Facts facts, List<Period> periods, Instant asOf,
                             CityResultChanged.Cause cause) {
        Indicator ind = facts.indicator();
        Uni<Void> chain = Uni.createFrom().voidItem();
        OffsetDateTime at = OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC);
        CityAggregation.Formation formation = results.cityResults(facts, asOf);
        for (Period period : periods) {
            CityAggregation.CityResult city = formation.result(period);
            if (city == null || (city.result().value() == null && city.result().yearToDate() == null)) {
                continue;
            }
            String digest = CityResultChanged.digest(city);
            chain = chain.chain(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                            insert into city_result (indicator_code, period, revision, digest, computed_at)
                            values (?1, ?2, 1, ?3, ?4)
                            on conflict (indicator_code, period) do update
                                set revision = city_result.revision + 1, digest = excluded.digest,
                                    computed_at = excluded.computed_at
                                where city_result.digest <> excluded.digest
                            returning revision""", Integer.class)
                    .setParameter(1, ind.code).setParameter(2, period.toString()).setParameter(3, digest)
                    .setParameter(4, at).getResultList())
                    .chain(revision -> revision.isEmpty() ? Uni.createFrom().voidItem()
                            : outbox.append(EventNames.CITY_RESULT_CHANGED, ind.code + "/" + period,
                                    CityResultChanged.of(ind, city, revision.get(0), at, cause)).replaceWithVoid()));
        }
        return chain;
    }

    /** The periods of a year that have had a city result announced (a target change re-judges each of them). */
    public static Uni<List<Period>> announced(String indicatorCode, int year) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select period from city_result where indicator_code = ?1 and left(period, 4) = ?2", String.class)
                .setParameter(1, indicatorCode).setParameter(2, Integer.toString(year)).getResultList())
                .map(list -> list.stream().map(Period::parse).toList());
    }
}
