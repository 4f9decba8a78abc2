package vn.city.common.period;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTest {

    @Test
    void readsEveryContractSpellingAndPrintsOneCanonicalForm() {
        assertThat(Period.parse("2022-06")).isEqualTo(Period.month(2022, 6));
        assertThat(Period.parse("2022-Q2")).isEqualTo(Period.quarter(2022, 2));
        assertThat(Period.parse("2022-H1")).isEqualTo(Period.half(2022, 1));
        assertThat(Period.parse("2016")).isEqualTo(Period.year(2016));
        assertThat(Period.parse(" 2022-q2\t").toString()).isEqualTo("2022-Q2");
        assertThat(Period.parse("2022-h2").toString()).isEqualTo("2022-H2");
        assertThat(Period.month(2022, 6).toString()).isEqualTo("2022-06");
        assertThat(Period.parse("1900-01").toString()).isEqualTo("1900-01");
        assertThat(Period.parse("2999").toString()).isEqualTo("2999");
    }

    @Test
    void refusesWhatIsNotAPeriod() {
        for (String bad : new String[]{"0001-01", "1-01", "0001", "1899-12", "3000", "2022-13", "2022-00", "2022-Q5",
                "2022-Q0", "2022-H3", "22-06", "2022-6", "June 2022", "", " ", "06/2022", "2022-06-01",
                "２０２２-06", "2022-０６", "٢٠٢٢", "2022-Q２", "2022\u000006", "2022-06\u0000", "+2022", "2022-"}) {
            assertThatThrownBy(() -> Period.parse(bad)).as(bad).isInstanceOf(InvalidPeriodException.class);
            assertThat(Period.tryParse(bad)).as(bad).isEmpty();
        }
        assertThat(Period.tryParse(null)).isEmpty();
        assertThatThrownBy(() -> Period.month(1, 1)).isInstanceOf(InvalidPeriodException.class);
    }

    @Test
    void knowsItsMonthsDatesAndNeighbours() {
        Period h1 = Period.parse("2022-H1");
        assertThat(h1.startMonth()).isEqualTo(1);
        assertThat(h1.endMonth()).isEqualTo(6);
        assertThat(h1.endDate()).isEqualTo(LocalDate.of(2022, 6, 30));
        assertThat(h1.contains(LocalDate.of(2022, 6, 30))).isTrue();
        assertThat(h1.contains(LocalDate.of(2022, 7, 1))).isFalse();
        assertThat(Period.parse("2022-Q3").startDate()).isEqualTo(LocalDate.of(2022, 7, 1));
        assertThat(Period.parse("2017-10").previousYear().toString()).isEqualTo("2016-10");
        assertThat(Period.parse("2022-04").within(Period.parse("2022-Q2"))).isTrue();
        assertThat(Period.parse("2017-12").next().toString()).isEqualTo("2018-01");
        assertThat(Period.parse("2022-Q4").next().toString()).isEqualTo("2023-Q1");
        assertThat(Period.parse("2022-H1").next().toString()).isEqualTo("2022-H2");
        assertThat(Period.parse("2022").next().toString()).isEqualTo("2023");
        assertThat(Period.parse("2022-06").label()).isEqualTo("tháng 6/2022");
        assertThat(Period.parse("2022-H1").label()).isEqualTo("6 tháng đầu năm 2022");
        assertThat(Period.parse("2022-Q3").coveredLabels()).containsExactly("2022-07", "2022-08", "2022-09", "2022-Q3");
        assertThat(Period.parse("2022").coveredLabels()).hasSize(12 + 4 + 2 + 1).endsWith("2022");
        assertThat(Period.parse("2022-06").compareTo(Period.parse("2022-Q2"))).isNegative();
    }
}
