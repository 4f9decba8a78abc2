package vn.city.indicator.result;

import org.junit.jupiter.api.Test;
import vn.city.indicator.catalogue.Aggregation;
import vn.city.indicator.catalogue.ChangeKind;
import vn.city.indicator.catalogue.Direction;
import vn.city.indicator.catalogue.Nature;
import vn.city.common.period.Period;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How a city figure is formed, without Quarkus: the rules of CityAggregation on a small unit tree. */
class CityAggregationTest {

    private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");
    private static final LocalDate EARLY = LocalDate.of(2000, 1, 1);
    private static final List<CityAggregation.Unit> TREE = List.of(
            new CityAggregation.Unit("CITY", "CITY", null, true, EARLY, null),
            new CityAggregation.Unit("FIN", "DEPARTMENT", "CITY", true, EARLY, null),
            new CityAggregation.Unit("W1", "WARD", "CITY", true, EARLY, null),
            new CityAggregation.Unit("W2", "WARD", "CITY", true, EARLY, null),
            new CityAggregation.Unit("C1", "COMMUNE", "CITY", true, EARLY, null),
            // merged into W2 on 2023-07-01
            new CityAggregation.Unit("W3", "WARD", "CITY", false, EARLY, LocalDate.of(2023, 6, 30)));

    private final CityAggregation aggregation = new CityAggregation(TREE, BigDecimal.valueOf(5));

    @Test
    void aSumAddsTheWardsAndCommunesNeverTheOwnerAndNamesTheMissing() {
        CityAggregation.Rule rule = rule("GRAIN", Nature.FLOW, Aggregation.SUM_OF_UNITS, List.of());
        List<FigurePoint> points = List.of(p("FIN", "2023-05", "100"), p("W1", "2023-05", "10"), p("W2", "2023-05", "20"));
        CityAggregation.CityResult r = city(rule, points, "2023-05");
        assertThat(r.result().value()).isEqualByComparingTo("30");
        assertThat(r.partial()).isTrue();
        assertThat(r.contributingUnits()).containsExactly("W1", "W2");
        assertThat(r.missingUnits()).containsExactly("C1", "W3");
    }

    @Test
    void aMergedWardCountsOnceForThePeriodsItExisted() {
        CityAggregation.Rule rule = rule("JOBS", Nature.FLOW, Aggregation.SUM_OF_UNITS, List.of("W2", "W3"));
        List<FigurePoint> points = List.of(p("W3", "2023-06", "10"), p("W2", "2023-06", "20"), p("W2", "2023-07", "35"));
        assertThat(city(rule, points, "2023-06").result().value()).isEqualByComparingTo("30");
        CityAggregation.CityResult july = city(rule, points, "2023-07");
        assertThat(july.result().value()).isEqualByComparingTo("35");
        assertThat(july.missingUnits()).isEmpty();
        assertThat(july.result().yearToDate()).isEqualByComparingTo("65");
    }

    @Test
    void aQuarterComesFromItsMonths() {
        CityAggregation.Rule rule = rule("FOREST", Nature.FLOW, Aggregation.SUM_OF_UNITS, List.of("W1"));
        List<FigurePoint> points = List.of(p("W1", "2023-04", "1"), p("W1", "2023-05", "2"), p("W1", "2023-06", "3"));
        CityAggregation.CityResult q2 = city(rule, points, "2023-Q2");
        assertThat(q2.result().value()).isEqualByComparingTo("6");
        assertThat(q2.formedFromMonths()).isTrue();
    }

    @Test
    void ownerReportedAndWeighted() {
        CityAggregation.Rule owner = rule("BUDGET", Nature.FLOW, Aggregation.OWNER_REPORTED, List.of());
        List<FigurePoint> points = List.of(p("FIN", "2023-05", "50"), p("W1", "2023-05", "7"));
        assertThat(city(owner, points, "2023-05").result().value()).isEqualByComparingTo("50");

        CityAggregation.Rule poor = rule("POOR", Nature.LEVEL, Aggregation.SUM_OF_UNITS, List.of("W1", "W2"));
        CityAggregation.Rule all = rule("HH", Nature.LEVEL, Aggregation.SUM_OF_UNITS, List.of("W1", "W2"));
        CityAggregation.Rule rate = new CityAggregation.Rule("RATE", Nature.LEVEL, Direction.LOWER_IS_BETTER,
                ChangeKind.POINTS, Aggregation.WEIGHTED, "LAB", "POOR", "HH", List.of(), true);
        Map<String, List<FigurePoint>> byIndicator = Map.of(
                "POOR", List.of(p("W1", "2023-12", "10"), p("W2", "2023-12", "30")),
                "HH", List.of(p("W1", "2023-12", "200"), p("W2", "2023-12", "800")));
        CityAggregation.CityResult r = aggregation.cityResult(rate, Map.of("RATE", rate, "POOR", poor, "HH", all),
                byIndicator, Period.parse("2023-12"), NOW, null);
        assertThat(r.result().value()).isEqualByComparingTo("4");
        assertThat(r.partial()).isFalse();
    }

    @Test
    void oneFormationOverManyPeriodsGivesWhatEachPeriodAloneGives() {
        // a submission asks one Formation for its period, the enclosing ones and the later months: the figures it
        // works out once and reuses must not make any period's result differ from a fresh computation of it
        CityAggregation.Rule poor = rule("POOR", Nature.FLOW, Aggregation.SUM_OF_UNITS, List.of());
        CityAggregation.Rule all = rule("HH", Nature.FLOW, Aggregation.SUM_OF_UNITS, List.of("W1", "W2", "W3"));
        CityAggregation.Rule rate = new CityAggregation.Rule("RATE", Nature.FLOW, Direction.LOWER_IS_BETTER,
                ChangeKind.POINTS, Aggregation.WEIGHTED, "LAB", "POOR", "HH", List.of(), true);
        List<FigurePoint> poorPoints = new ArrayList<>();
        List<FigurePoint> hhPoints = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            String month = String.format("2023-%02d", m);
            poorPoints.add(p("W1", month, String.valueOf(m)));
            poorPoints.add(p("C1", month, "2.5"));
            poorPoints.add(p(m <= 6 ? "W3" : "W2", month, String.valueOf(10 + m)));
            hhPoints.add(p("W1", month, "100"));
            hhPoints.add(p(m <= 6 ? "W3" : "W2", month, "300"));
            poorPoints.add(p("W1", String.format("2022-%02d", m), "4"));
        }
        poorPoints.add(new FigurePoint("W2", Period.parse("2023-Q3"), FigureVersion.ESTIMATE, new BigDecimal("40"),
                new BigDecimal("99"), Instant.parse("2023-12-01T00:00:00Z")));
        Map<String, CityAggregation.Rule> rules = Map.of("RATE", rate, "POOR", poor, "HH", all);
        Map<String, List<FigurePoint>> points = Map.of("POOR", poorPoints, "HH", hhPoints);
        List<Period> periods = new ArrayList<>();
        for (String text : List.of("2023", "2023-H2", "2023-Q4", "2023-12", "2023-H1", "2023-Q2", "2023-05",
                "2023-Q3", "2023-09", "2023-01", "2023-Q1", "2023-07")) {
            periods.add(Period.parse(text));
        }
        for (CityAggregation.Rule rule : List.of(poor, all, rate)) {
            CityAggregation.Formation formation = aggregation.over(rule, rules, points, NOW, new BigDecimal("50"));
            for (Period period : periods) {
                CityAggregation.CityResult alone = new CityAggregation(TREE, BigDecimal.valueOf(5))
                        .cityResult(rule, rules, points, period, NOW, new BigDecimal("50"));
                assertThat(formation.result(period)).as(rule.code() + " " + period).isEqualTo(alone);
            }
        }
        CityAggregation.CityResult yearOfPoor = aggregation.over(poor, rules, points, NOW, null)
                .result(Period.parse("2023"));
        assertThat(yearOfPoor.result().yearToDate()).isNotNull();
        assertThat(yearOfPoor.contributingUnits()).containsExactly("C1", "W1", "W2", "W3");
    }

    @Test
    void notAggregatedHasNoCityResult() {
        CityAggregation.Rule rule = rule("NTM", Nature.LEVEL, Aggregation.NOT_AGGREGATED, List.of());
        assertThat(city(rule, List.of(p("C1", "2023-05", "17")), "2023-05")).isNull();
    }

    private CityAggregation.CityResult city(CityAggregation.Rule rule, List<FigurePoint> points, String period) {
        return aggregation.cityResult(rule, Map.of(rule.code(), rule), Map.of(rule.code(), new ArrayList<>(points)),
                Period.parse(period), NOW, null);
    }

    private static CityAggregation.Rule rule(String code, Nature nature, Aggregation aggregation, List<String> units) {
        return new CityAggregation.Rule(code, nature, Direction.HIGHER_IS_BETTER, ChangeKind.defaultFor(nature, false),
                aggregation, "FIN", null, null, units, false);
    }

    private static FigurePoint p(String unit, String period, String value) {
        return new FigurePoint(unit, Period.parse(period), FigureVersion.OFFICIAL, new BigDecimal(value), null,
                Instant.parse("2023-12-01T00:00:00Z"));
    }
}
