package vn.city.meeting.meeting;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodTest {

    @Test
    void parsesTheFourKindsWithTheirDatesAndVietnameseNames() {
        Period june = Period.parse("2022-06").orElseThrow();
        assertThat(june.start()).isEqualTo(LocalDate.of(2022, 6, 1));
        assertThat(june.end()).isEqualTo(LocalDate.of(2022, 6, 30));
        assertThat(june.label()).isEqualTo("tháng 6/2022");
        assertThat(june.next().label()).isEqualTo("tháng 7/2022");
        assertThat(Period.parse("2017-12").orElseThrow().next().code()).isEqualTo("2018-01");
        assertThat(Period.parse("2022-Q2").orElseThrow().end()).isEqualTo(LocalDate.of(2022, 6, 30));
        assertThat(Period.parse("2022-H1").orElseThrow().label()).isEqualTo("6 tháng đầu năm 2022");
        assertThat(Period.parse("2016").orElseThrow().label()).isEqualTo("năm 2016");
    }

    @Test
    void refusesAnythingElse() {
        assertThat(Period.parse("2022-13")).isEmpty();
        assertThat(Period.parse("06/2022")).isEmpty();
        assertThat(Period.parse("2022-Q5")).isEmpty();
        assertThat(Period.parse(null)).isEmpty();
    }
}
