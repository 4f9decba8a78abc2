package vn.city.task.task;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodTest {

    @Test
    void parsesTheContractFormats() {
        assertThat(Period.parse("2022-07")).hasValueSatisfying(p -> assertThat(p.toString()).isEqualTo("2022-07"));
        assertThat(Period.parse("2022-Q3")).hasValueSatisfying(p -> assertThat(p.kind()).isEqualTo(Period.Kind.QUARTER));
        assertThat(Period.parse("2022-H1")).isPresent();
        assertThat(Period.parse("2022")).isPresent();
        assertThat(Period.parse("2022-13")).isEmpty();
        assertThat(Period.parse("07/2022")).isEmpty();
        assertThat(Period.parse(null)).isEmpty();
    }

    @Test
    void aLargerPeriodCoversTheOnesInside() {
        assertThat(Period.parse("2022-07").orElseThrow().coveredLabels()).containsExactly("2022-07");
        assertThat(Period.parse("2022-Q3").orElseThrow().coveredLabels())
                .containsExactlyInAnyOrder("2022-07", "2022-08", "2022-09", "2022-Q3");
        assertThat(Period.parse("2022-H2").orElseThrow().coveredLabels())
                .contains("2022-12", "2022-Q4", "2022-H2").doesNotContain("2022-06", "2022");
        assertThat(Period.parse("2022").orElseThrow().coveredLabels()).hasSize(12 + 4 + 2 + 1);
    }
}
