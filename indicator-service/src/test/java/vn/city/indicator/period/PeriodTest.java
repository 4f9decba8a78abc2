package vn.city.indicator.period;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTest {

    @Test
    void parsesEveryContractSpelling() {
        assertThat(Period.parse("2022-06")).isEqualTo(new Period(PeriodKind.MONTH, 2022, 6));
        assertThat(Period.parse("2022-Q2")).isEqualTo(new Period(PeriodKind.QUARTER, 2022, 2));
        assertThat(Period.parse("2022-H1")).isEqualTo(new Period(PeriodKind.HALF_YEAR, 2022, 1));
        assertThat(Period.parse("2016")).isEqualTo(Period.year(2016));
        assertThat(Period.parse("2022-q2").toString()).isEqualTo("2022-Q2");
    }

    @Test
    void knowsItsMonthsAndDates() {
        Period h1 = Period.parse("2022-H1");
        assertThat(h1.startMonth()).isEqualTo(1);
        assertThat(h1.endMonth()).isEqualTo(6);
        assertThat(h1.endDate()).isEqualTo(LocalDate.of(2022, 6, 30));
        assertThat(Period.parse("2022-Q3").startDate()).isEqualTo(LocalDate.of(2022, 7, 1));
        assertThat(Period.parse("2017-10").previousYear().toString()).isEqualTo("2016-10");
        assertThat(Period.parse("2022-04").within(Period.parse("2022-Q2"))).isTrue();
    }

    @Test
    void refusesMalformedPeriods() {
        for (String bad : new String[]{"2022-13", "2022-00", "2022-Q5", "2022-H3", "22-06", "June 2022", "", "2022-6"}) {
            assertThatThrownBy(() -> Period.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
