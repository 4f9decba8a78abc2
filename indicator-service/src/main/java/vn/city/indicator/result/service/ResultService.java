package vn.city.indicator.result.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.problem.ProblemException;
import vn.city.indicator.IndicatorConfig;
import vn.city.indicator.catalogue.Indicator;
import vn.city.common.period.Period;
import vn.city.indicator.catalogue.Aggregation;
import vn.city.indicator.result.CityAggregation;
import vn.city.indicator.result.CityResultView;
import vn.city.indicator.result.FigurePoint;
import vn.city.indicator.unit.Lineage;
import vn.city.indicator.result.Result;
import vn.city.indicator.result.ResultCalculator;
import vn.city.indicator.result.Numbers;
import vn.city.indicator.result.TargetPoint;
import vn.city.indicator.result.repository.ResultRepository;
import vn.city.indicator.unit.OrgUnit;
import vn.city.indicator.unit.UnitSuccession;
import vn.city.indicator.unit.service.UnitService;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Results of an indicator for a unit or the city, as known at an instant. */
@ApplicationScoped
public class ResultService {

    public static final String CITY = CityAggregation.CITY;

    /**
     * What the results of one indicator and year are computed from: the indicator (and, for a weighted rate, its
     * numerator and denominator), the unit tree, the figures of the year and the year before, and the targets.
     */
    public record Facts(Indicator indicator, Map<String, Indicator> related, List<UnitSuccession> successions,
                        List<CityAggregation.Unit> units, Map<String, List<FigurePoint>> points,
                        List<TargetPoint> targets, Map<String, List<FigurePoint>> ownByUnit) {

        public Facts(Indicator indicator, Map<String, Indicator> related, List<UnitSuccession> successions,
                     List<CityAggregation.Unit> units, Map<String, List<FigurePoint>> points, List<TargetPoint> targets) {
            this(indicator, related, successions, units, points, targets, byUnit(points.get(indicator.code)));
        }

        public List<FigurePoint> own() {
            return points.getOrDefault(indicator.code, List.of());
        }

        private static Map<String, List<FigurePoint>> byUnit(List<FigurePoint> points) {
            Map<String, List<FigurePoint>> out = new HashMap<>();
            if (points != null) {
                points.forEach(p -> out.computeIfAbsent(p.unitCode(), k -> new ArrayList<>()).add(p));
            }
            return out;
        }
    }

    private final IndicatorConfig config;
    private final ResultRepository repository;

    public ResultService(IndicatorConfig config, ResultRepository repository) {
        this.config = config;
        this.repository = repository;
    }

    @WithSession
    public Uni<Result> result(String indicatorCode, String unitCode, Period period, Instant asOf) {
        return indicator(indicatorCode).chain(ind -> facts(ind, period).map(f -> {
            if (unitCode == null || CITY.equals(unitCode)) {
                CityAggregation.CityResult city = cityResult(f, period, asOf);
                return city != null ? city.result() : unitResult(f, CITY, period, asOf);
            }
            return unitResult(f, unitCode, period, asOf);
        }));
    }

    @WithSession
    public Uni<CityResultView> cityResult(String indicatorCode, Period period, Instant asOf) {
        return indicator(indicatorCode).chain(ind -> facts(ind, period))
                .map(f -> CityResultView.of(cityResult(f, period, asOf)));
    }

    private static Uni<Indicator> indicator(String code) {
        return Indicator.<Indicator>findById(code).map(ind -> {
            if (ind == null) {
                throw ProblemException.notFound("indicator", code);
            }
            return ind;
        });
    }

    /** Loads what {@link Facts} holds for the indicator and the period's year. */
    public Uni<Facts> facts(Indicator ind, Period period) {
        List<Integer> years = List.of(period.year() - 1, period.year());
        Set<String> codes = new LinkedHashSet<>();
        codes.add(ind.code);
        if (ind.aggregation == Aggregation.WEIGHTED) {
            codes.add(ind.numeratorCode);
            codes.add(ind.denominatorCode);
        }
        Uni<List<Indicator>> related = codes.size() == 1 ? Uni.createFrom().item(List.of(ind))
                : Indicator.<Indicator>list("code in ?1", codes);
        return related.chain(inds -> UnitSuccession.<UnitSuccession>listAll()
                .chain(successions -> OrgUnit.<OrgUnit>listAll()
                        .chain(units -> repository.points(new ArrayList<>(codes), years)
                                .chain(points -> repository.targets(ind.code, period.year())
                                        .map(targets -> {
                                            Map<String, Indicator> rel = new HashMap<>();
                                            inds.forEach(i -> rel.put(i.code, i));
                                            rel.put(ind.code, ind);
                                            return new Facts(ind, rel, successions, units(units), points, targets);
                                        })))));
    }

    /** What the city aggregation needs to know of an indicator. */
    public static CityAggregation.Rule rule(Indicator i) {
        return new CityAggregation.Rule(i.code, i.nature, i.direction, i.changeKind, i.aggregation, i.ownerUnit,
                i.numeratorCode, i.denominatorCode, i.reportingUnitList(), i.isPercent());
    }

    public static List<CityAggregation.Unit> units(List<OrgUnit> units) {
        return units.stream().map(u -> new CityAggregation.Unit(u.code, u.kind.name(), u.parentCode, u.active,
                u.validFrom, u.validTo)).toList();
    }

    /** A unit's result; its predecessors' figures count for periods before their succession. */
    public Result unitResult(Facts f, String unitCode, Period period, Instant asOf) {
        Lineage lineage = UnitService.lineage(unitCode, f.successions());
        List<FigurePoint> points = new ArrayList<>();
        for (String code : lineage.unitCodes()) {
            points.addAll(f.ownByUnit().getOrDefault(code, List.of()));
        }
        return calculator(f.indicator()).forUnit(lineage, period, points, asOf, target(f, unitCode, asOf));
    }

    /** The city's result, formed as the indicator declares it; null when it is not aggregated. */
    public CityAggregation.CityResult cityResult(Facts f, Period period, Instant asOf) {
        return cityResults(f, asOf).result(period);
    }

    /**
     * The city's results of the facts' indicator for as many periods as the caller asks, as known at {@code asOf}:
     * what the periods share (each unit's series and figures, the expected units, the year before) is worked out once.
     */
    public CityAggregation.Formation cityResults(Facts f, Instant asOf) {
        Map<String, CityAggregation.Rule> rules = new HashMap<>();
        f.related().forEach((code, i) -> rules.put(code, rule(i)));
        return new CityAggregation(f.units(), config.offTrackMarginPoints())
                .over(rule(f.indicator()), rules, f.points(), asOf, target(f, null, asOf));
    }

    /**
     * The target that judges a unit's result: its own, else the city's when the unit is the city or the indicator's
     * owner (a department reports the city-wide figure it is responsible for). Only revisions set by {@code asOf}
     * count, so a past view is judged by the target known then. Targets are newest revision first.
     */
    static BigDecimal target(Facts f, String unitCode, Instant asOf) {
        List<TargetPoint> known = f.targets().stream().filter(t -> !t.setAt().isAfter(asOf)).toList();
        for (TargetPoint t : known) {
            if (unitCode != null && unitCode.equals(t.unitCode())) {
                return Numbers.normal(t.value());
            }
        }
        boolean cityWide = unitCode == null || CITY.equals(unitCode) || unitCode.equals(f.indicator().ownerUnit);
        if (!cityWide) {
            return null;
        }
        return known.stream().filter(t -> t.unitCode() == null).findFirst()
                .map(t -> Numbers.normal(t.value())).orElse(null);
    }

    private ResultCalculator calculator(Indicator ind) {
        return new ResultCalculator(ind.nature, ind.direction, ind.changeKind, config.offTrackMarginPoints());
    }
}
