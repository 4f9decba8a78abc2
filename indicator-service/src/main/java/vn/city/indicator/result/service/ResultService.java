package vn.city.indicator.result.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.problem.ProblemException;
import vn.city.indicator.IndicatorConfig;
import vn.city.indicator.catalogue.Indicator;
import vn.city.indicator.figure.FigureSubmission;
import vn.city.indicator.period.Period;
import vn.city.indicator.result.FigurePoint;
import vn.city.indicator.result.Result;
import vn.city.indicator.result.ResultCalculator;
import vn.city.indicator.target.service.TargetService;
import vn.city.indicator.unit.service.UnitService;

import java.time.Instant;
import java.util.List;

/** Results of an indicator for a unit or the city, as known at an instant. */
@ApplicationScoped
public class ResultService {

    public static final String CITY = "CITY";

    private final UnitService units;
    private final TargetService targets;
    private final IndicatorConfig config;

    public ResultService(UnitService units, TargetService targets, IndicatorConfig config) {
        this.units = units;
        this.targets = targets;
        this.config = config;
    }

    @WithSession
    public Uni<Result> result(String indicatorCode, String unitCode, Period period, Instant asOf) {
        return Indicator.<Indicator>findById(indicatorCode).chain(ind -> {
            if (ind == null) {
                return Uni.createFrom().failure(ProblemException.notFound("indicator", indicatorCode));
            }
            if (unitCode == null || CITY.equals(unitCode)) {
                return cityResult(ind, period, asOf).chain(r -> r != null ? Uni.createFrom().item(r)
                        : unitResult(ind, CITY, period, asOf));
            }
            return unitResult(ind, unitCode, period, asOf);
        });
    }

    /** A unit's result; its predecessors' figures count for periods before their succession. */
    public Uni<Result> unitResult(Indicator ind, String unitCode, Period period, Instant asOf) {
        return units.lineage(unitCode).chain(lineage -> points(ind.code, lineage.unitCodes(), period)
                .chain(points -> targets.targetFor(ind, period.year(), unitCode)
                        .map(target -> calculator(ind).forUnit(lineage, period, points, asOf, target))));
    }

    /**
     * The city's result: the CITY unit's own figures when it has any, else for a summable indicator the sum over
     * the units; null for a level without a city figure.
     */
    public Uni<Result> cityResult(Indicator ind, Period period, Instant asOf) {
        return points(ind.code, null, period).chain(points -> {
            boolean own = points.stream().anyMatch(p -> CITY.equals(p.unitCode()) && !p.submittedAt().isAfter(asOf));
            if (own) {
                return unitResult(ind, CITY, period, asOf);
            }
            if (!ind.nature.summable()) {
                return Uni.createFrom().nullItem();
            }
            return targets.targetFor(ind, period.year(), null)
                    .map(target -> calculator(ind).total(CITY, period, points, asOf, target));
        });
    }

    private ResultCalculator calculator(Indicator ind) {
        return new ResultCalculator(ind.nature, ind.direction, config.offTrackMarginPoints());
    }

    private static Uni<List<FigurePoint>> points(String indicatorCode, List<String> unitCodes, Period period) {
        List<Integer> years = List.of(period.year() - 1, period.year());
        Uni<List<FigureSubmission>> rows = unitCodes == null
                ? FigureSubmission.list("indicatorCode = ?1 and periodYear in ?2", indicatorCode, years)
                : FigureSubmission.list("indicatorCode = ?1 and periodYear in ?2 and unitCode in ?3",
                indicatorCode, years, unitCodes);
        return rows.map(list -> list.stream().map(FigureSubmission::point).toList());
    }
}
