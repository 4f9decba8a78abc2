package vn.city.indicator.result.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.problem.ProblemException;
import vn.city.indicator.IndicatorConfig;
import vn.city.indicator.catalogue.Indicator;
import vn.city.indicator.figure.FigureSubmission;
import vn.city.indicator.figure.ValueRules;
import vn.city.common.period.Period;
import vn.city.indicator.result.FigurePoint;
import vn.city.indicator.result.Lineage;
import vn.city.indicator.result.Result;
import vn.city.indicator.result.ResultCalculator;
import vn.city.indicator.target.Target;
import vn.city.indicator.unit.UnitSuccession;
import vn.city.indicator.unit.service.UnitService;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Results of an indicator for a unit or the city, as known at an instant. */
@ApplicationScoped
public class ResultService {

    public static final String CITY = "CITY";

    /** What the results of one indicator and year are computed from: three queries, then plain Java. */
    public record Facts(Indicator indicator, List<UnitSuccession> successions, List<FigurePoint> points,
                        List<Target> targets) {
    }

    private final IndicatorConfig config;

    public ResultService(IndicatorConfig config) {
        this.config = config;
    }

    @WithSession
    public Uni<Result> result(String indicatorCode, String unitCode, Period period, Instant asOf) {
        return Indicator.<Indicator>findById(indicatorCode).chain(ind -> {
            if (ind == null) {
                return Uni.createFrom().failure(ProblemException.notFound("indicator", indicatorCode));
            }
            return facts(ind, period).map(f -> {
                if (unitCode == null || CITY.equals(unitCode)) {
                    Result city = cityResult(f, period, asOf);
                    return city != null ? city : unitResult(f, CITY, period, asOf);
                }
                return unitResult(f, unitCode, period, asOf);
            });
        });
    }

    /** Loads the successions, the figures of the period's year and the year before (every unit), and the targets. */
    public Uni<Facts> facts(Indicator ind, Period period) {
        List<Integer> years = List.of(period.year() - 1, period.year());
        return UnitSuccession.<UnitSuccession>listAll()
                .chain(successions -> FigureSubmission.<FigureSubmission>list(
                                "indicatorCode = ?1 and periodYear in ?2", ind.code, years)
                        .chain(rows -> Target.<Target>list("indicatorCode = ?1 and year = ?2 order by revision desc",
                                        ind.code, period.year())
                                .map(targets -> new Facts(ind, successions,
                                        rows.stream().map(FigureSubmission::point).toList(), targets))));
    }

    /** A unit's result; its predecessors' figures count for periods before their succession. */
    public Result unitResult(Facts f, String unitCode, Period period, Instant asOf) {
        Lineage lineage = UnitService.lineage(unitCode, f.successions());
        List<String> codes = lineage.unitCodes();
        List<FigurePoint> points = f.points().stream().filter(p -> codes.contains(p.unitCode())).toList();
        return calculator(f.indicator()).forUnit(lineage, period, points, asOf, target(f, unitCode, asOf));
    }

    /**
     * The city's result: the CITY unit's own figures when it has any, else for a summable indicator the sum over
     * the units; null for a level without a city figure.
     */
    public Result cityResult(Facts f, Period period, Instant asOf) {
        boolean own = f.points().stream().anyMatch(p -> CITY.equals(p.unitCode()) && !p.submittedAt().isAfter(asOf));
        if (own) {
            return unitResult(f, CITY, period, asOf);
        }
        if (!f.indicator().nature.summable()) {
            return null;
        }
        return calculator(f.indicator()).total(CITY, period, f.points(), asOf, target(f, null, asOf));
    }

    /**
     * The target that judges a unit's result: its own, else the city's when the unit is the city or the indicator's
     * owner (a department reports the city-wide figure it is responsible for). Only revisions set by {@code asOf}
     * count, so a past view is judged by the target known then. Targets are newest revision first.
     */
    static BigDecimal target(Facts f, String unitCode, Instant asOf) {
        List<Target> known = f.targets().stream().filter(t -> !t.setAt.toInstant().isAfter(asOf)).toList();
        for (Target t : known) {
            if (unitCode != null && unitCode.equals(t.unitCode)) {
                return ValueRules.normal(t.value);
            }
        }
        boolean cityWide = unitCode == null || CITY.equals(unitCode) || unitCode.equals(f.indicator().ownerUnit);
        if (!cityWide) {
            return null;
        }
        return known.stream().filter(t -> t.unitCode == null).findFirst()
                .map(t -> ValueRules.normal(t.value)).orElse(null);
    }

    private ResultCalculator calculator(Indicator ind) {
        return new ResultCalculator(ind.nature, ind.direction, config.offTrackMarginPoints());
    }
}
