package vn.city.indicator.result;

import vn.city.indicator.catalogue.Nature;
import vn.city.indicator.catalogue.Direction;
import vn.city.indicator.catalogue.ChangeKind;
import vn.city.indicator.unit.Lineage;

import org.junit.jupiter.api.Test;
import vn.city.common.period.Period;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The figures of the seed texts, computed the way the texts state them. */
class AttainmentTest {

    private static final BigDecimal MARGIN = BigDecimal.valueOf(5);
    private static final Instant T0 = Instant.parse("2017-11-01T00:00:00Z");

    @Test
    void budgetRevenueOctober2017ReachesSeventyFivePointTwoThreePercentOfTheResolution() {
        // "Thu ngân sách ước đạt 4,15 tỷ, lũy kế 84,258 tỷ đồng đạt 75,23% nghị quyết"
        List<FigurePoint> points = new ArrayList<>();
        for (int m = 1; m <= 8; m++) {
            points.add(point("FIN", "2017-%02d".formatted(m), FigureVersion.OFFICIAL, "9", null));
        }
        points.add(point("FIN", "2017-09", FigureVersion.OFFICIAL, "8.108", null));
        points.add(point("FIN", "2017-10", FigureVersion.ESTIMATE, "4.15", null));

        Result r = new ResultCalculator(Nature.FLOW, Direction.HIGHER_IS_BETTER, MARGIN)
                .forUnit(Lineage.alone("FIN"), Period.parse("2017-10"), points, T0, new BigDecimal("112"));

        assertThat(r.value()).isEqualByComparingTo("4.15");
        assertThat(r.yearToDate()).isEqualByComparingTo("84.258");
        assertThat(r.attainmentPercent()).isEqualByComparingTo("75.23");
        assertThat(r.expectedPercent()).isEqualByComparingTo("83.33");
        assertThat(r.status()).isEqualTo(Status.BEHIND);
        assertThat(r.currentVersion()).isEqualTo(FigureVersion.ESTIMATE);
    }

    @Test
    void retailSalesJune2022IsFiftyPointFiftyEightPercentOfPlanAndUpFourPointEightFive() {
        // "285 tỷ đồng, lũy kế 06 tháng đầu năm đạt khoảng 1.739,5 tỷ đồng, đạt 50,58% KH và tăng 4,85% so cùng kỳ"
        List<FigurePoint> points = List.of(
                point("ECO", "2021-06", FigureVersion.OFFICIAL, "270", "1659.1"),
                point("ECO", "2022-06", FigureVersion.ESTIMATE, "285", "1739.5"));

        Result r = new ResultCalculator(Nature.FLOW, Direction.HIGHER_IS_BETTER, MARGIN)
                .forUnit(Lineage.alone("ECO"), Period.parse("2022-06"), points, T0.plusSeconds(200_000_000L),
                        new BigDecimal("3439.1"));

        assertThat(r.yearToDate()).isEqualByComparingTo("1739.5");
        assertThat(r.attainmentPercent()).isEqualByComparingTo("50.58");
        assertThat(r.expectedPercent()).isEqualByComparingTo("50.00");
        assertThat(r.samePeriodLastYear()).isEqualByComparingTo("1659.1");
        assertThat(r.change()).isEqualByComparingTo("4.85");
        assertThat(r.changeKind()).isEqualTo(ChangeKind.PERCENT);
        assertThat(r.status()).isEqualTo(Status.ON_TRACK);
    }

    @Test
    void povertyRateDownZeroPointThreeTwoPointsIsJudgedLowerIsBetter() {
        // "tỷ lệ hộ nghèo 2,88% giảm 0,32% so với năm 2015"
        List<FigurePoint> points = List.of(
                point("LAB", "2015", FigureVersion.OFFICIAL, "3.20", null),
                point("LAB", "2016", FigureVersion.OFFICIAL, "2.88", null));
        ResultCalculator calc = new ResultCalculator(Nature.LEVEL, Direction.LOWER_IS_BETTER, MARGIN);

        Result met = calc.forUnit(Lineage.alone("LAB"), Period.year(2016), points, T0, new BigDecimal("3.0"));
        assertThat(met.value()).isEqualByComparingTo("2.88");
        assertThat(met.change()).isEqualByComparingTo("-0.32");
        assertThat(met.changeKind()).isEqualTo(ChangeKind.POINTS);
        assertThat(met.status()).isEqualTo(Status.ACHIEVED);
        assertThat(met.attainmentPercent()).isEqualByComparingTo("104.17");

        Result missed = calc.forUnit(Lineage.alone("LAB"), Period.year(2016), points, T0, new BigDecimal("2.5"));
        assertThat(missed.status()).isEqualTo(Status.BEHIND);
        assertThat(Attainment.gapPoints(missed, Nature.LEVEL, Direction.LOWER_IS_BETTER)).isEqualByComparingTo("13.19");
    }

    @Test
    void noTargetMeansNoJudgement() {
        Result r = new ResultCalculator(Nature.FLOW, Direction.HIGHER_IS_BETTER, MARGIN).forUnit(Lineage.alone("ECO"),
                Period.parse("2022-06"), List.of(point("ECO", "2022-06", FigureVersion.ESTIMATE, "1", null)), T0, null);
        assertThat(r.status()).isEqualTo(Status.NO_TARGET);
        assertThat(r.attainmentPercent()).isNull();
    }

    @Test
    void aSuccessorComparesWithItsPredecessorsLastYear() {
        List<FigurePoint> points = List.of(
                point("W-OLD-A", "2024-06", FigureVersion.OFFICIAL, "60", null),
                point("W-OLD-B", "2024-06", FigureVersion.OFFICIAL, "40", null),
                point("W-NEW", "2025-06", FigureVersion.OFFICIAL, "110", null));
        Lineage lineage = new Lineage("W-NEW", List.of(
                new Lineage.Predecessor("W-OLD-A", java.time.LocalDate.of(2025, 1, 1)),
                new Lineage.Predecessor("W-OLD-B", java.time.LocalDate.of(2025, 1, 1))));

        Result r = new ResultCalculator(Nature.FLOW, Direction.HIGHER_IS_BETTER, MARGIN)
                .forUnit(lineage, Period.parse("2025-06"), points, Instant.parse("2025-08-01T00:00:00Z"), null);

        assertThat(r.samePeriodLastYear()).isEqualByComparingTo("100");
        assertThat(r.change()).isEqualByComparingTo("10.00");
    }

    @Test
    void aLowerIsBetterFlowIsACeiling() {
        List<FigurePoint> points = List.of(point("URB", "2022-06", FigureVersion.OFFICIAL, "30", "60"));
        ResultCalculator calc = new ResultCalculator(Nature.FLOW, Direction.LOWER_IS_BETTER, MARGIN);
        assertThat(calc.forUnit(Lineage.alone("URB"), Period.parse("2022-06"), points, T0.plusSeconds(200_000_000L),
                new BigDecimal("120")).status()).isEqualTo(Status.ON_TRACK);
        assertThat(calc.forUnit(Lineage.alone("URB"), Period.parse("2022-06"), points, T0.plusSeconds(200_000_000L),
                new BigDecimal("80")).status()).isEqualTo(Status.BEHIND);
    }

    static FigurePoint point(String unit, String period, FigureVersion version, String value, String ytd) {
        return new FigurePoint(unit, Period.parse(period), version, new BigDecimal(value),
                ytd == null ? null : new BigDecimal(ytd), Instant.parse("2016-01-01T00:00:00Z"));
    }
}
