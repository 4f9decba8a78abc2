package vn.city.indicator.reporting;

import org.junit.jupiter.api.Test;
import vn.city.common.period.Period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class ReportingWindowTest {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void aMonthlyReportCoversTheFifteenthOfThePreviousMonthToTheFourteenth() {
        ReportingWindow june = ReportingWindow.of(Period.parse("2022-06"), 14, 20, HANOI);
        assertThat(june.dataFrom()).isEqualTo(LocalDate.of(2022, 5, 15));
        assertThat(june.dataTo()).isEqualTo(LocalDate.of(2022, 6, 14));
        assertThat(june.deadline()).isEqualTo(Instant.parse("2022-06-20T16:59:59.999999999Z"));
        ReportingWindow january = ReportingWindow.of(Period.parse("2022-01"), 14, 20, HANOI);
        assertThat(january.dataFrom()).isEqualTo(LocalDate.of(2021, 12, 15));
    }

    @Test
    void quarterHalfYearAndYearLikewise() {
        assertThat(ReportingWindow.of(Period.parse("2022-Q2"), 14, 20, HANOI).dataFrom()).isEqualTo(LocalDate.of(2022, 3, 15));
        ReportingWindow h1 = ReportingWindow.of(Period.parse("2022-H1"), 14, 20, HANOI);
        assertThat(h1.dataFrom()).isEqualTo(LocalDate.of(2021, 12, 15));
        assertThat(h1.dataTo()).isEqualTo(LocalDate.of(2022, 6, 14));
        ReportingWindow year = ReportingWindow.of(Period.year(2022), 14, 20, HANOI);
        assertThat(year.dataFrom()).isEqualTo(LocalDate.of(2021, 12, 15));
        assertThat(year.dataTo()).isEqualTo(LocalDate.of(2022, 12, 14));
    }

    @Test
    void onTimeUntilTheEndOfTheDeadlineDayInTheCity() {
        ReportingWindow june = ReportingWindow.of(Period.parse("2022-06"), 14, 20, HANOI);
        assertThat(june.onTime(Instant.parse("2022-06-20T16:59:00Z"))).isTrue();
        assertThat(june.onTime(Instant.parse("2022-06-20T17:00:00Z"))).isFalse();
    }
}
