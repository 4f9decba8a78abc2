package vn.city.indicator.result;

import vn.city.indicator.catalogue.Nature;

import org.junit.jupiter.api.Test;
import vn.city.common.period.Period;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SeriesAndYearToDateTest {

    private static final Instant T1 = Instant.parse("2017-11-02T00:00:00Z");
    private static final Instant T2 = Instant.parse("2017-12-02T00:00:00Z");

    @Test
    void theNewestOfTheHighestGradeIsCurrentAndAsOfAnswersWhatWasKnownThen() {
        FigurePoint estimate = at("2017-10", FigureVersion.ESTIMATE, "4.15", T1);
        FigurePoint official = at("2017-10", FigureVersion.OFFICIAL, "4.40", T2);
        FigurePoint laterEstimate = at("2017-10", FigureVersion.ESTIMATE, "4.50", T2.plusSeconds(60));
        List<FigurePoint> all = List.of(estimate, official, laterEstimate);

        assertThat(Series.asOf(all, T2.plusSeconds(3600)).at(Period.parse("2017-10")).orElseThrow()).isEqualTo(official);
        assertThat(Series.asOf(all, T1.plusSeconds(1)).at(Period.parse("2017-10")).orElseThrow()).isEqualTo(estimate);
        assertThat(Series.asOf(all, T1.minusSeconds(1)).at(Period.parse("2017-10"))).isEmpty();
    }

    @Test
    void aFlowSumsTheFinestFiguresAndStartsFromAStatedYearToDate() {
        List<FigurePoint> quarters = List.of(
                at("2022-Q1", FigureVersion.OFFICIAL, "100", T1),
                at("2022-04", FigureVersion.OFFICIAL, "30", T1),
                at("2022-05", FigureVersion.OFFICIAL, "35", T1),
                at("2022-06", FigureVersion.ESTIMATE, "40", T1));
        assertThat(YearToDate.of(Nature.FLOW, Series.asOf(quarters, T2), Period.parse("2022-06")))
                .isEqualByComparingTo("205");
        assertThat(YearToDate.of(Nature.FLOW, Series.asOf(quarters, T2), Period.parse("2022-Q2")))
                .isEqualByComparingTo("205");

        List<FigurePoint> stated = List.of(
                new FigurePoint("ECO", Period.parse("2022-05"), FigureVersion.OFFICIAL, new BigDecimal("280"),
                        new BigDecimal("1454.5"), T1),
                at("2022-06", FigureVersion.ESTIMATE, "285", T1));
        assertThat(YearToDate.of(Nature.FLOW, Series.asOf(stated, T2), Period.parse("2022-06")))
                .isEqualByComparingTo("1739.5");
    }

    @Test
    void aLevelsYearToDateIsItsLatestValue() {
        List<FigurePoint> points = List.of(
                at("2022-03", FigureVersion.OFFICIAL, "3.1", T1),
                at("2022-05", FigureVersion.OFFICIAL, "2.9", T1));
        assertThat(YearToDate.of(Nature.LEVEL, Series.asOf(points, T2), Period.parse("2022-06")))
                .isEqualByComparingTo("2.9");
        assertThat(YearToDate.of(Nature.LEVEL, Series.asOf(points, T2), Period.parse("2022-04")))
                .isEqualByComparingTo("3.1");
    }

    private static FigurePoint at(String period, FigureVersion v, String value, Instant when) {
        return new FigurePoint("ECO", Period.parse(period), v, new BigDecimal(value), null, when);
    }
}
