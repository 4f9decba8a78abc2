package vn.city.web.format;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class VietnameseNumbersTest {

    @Test
    void writesNumbersAsTheBriefingTextsDo() {
        assertThat(VietnameseNumbers.format(new BigDecimal("4785"))).isEqualTo("4.785");
        assertThat(VietnameseNumbers.format(new BigDecimal("1739.5"))).isEqualTo("1.739,5");
        assertThat(VietnameseNumbers.format(new BigDecimal("145244.67"))).isEqualTo("145.244,67");
        assertThat(VietnameseNumbers.format(new BigDecimal("84.258"))).isEqualTo("84,258");
        assertThat(VietnameseNumbers.format(new BigDecimal("-0.32"))).isEqualTo("-0,32");
        assertThat(VietnameseNumbers.format(null)).isEqualTo("–");
    }

    @Test
    void percentagesAndChanges() {
        assertThat(VietnameseNumbers.percent(new BigDecimal("50.58"))).isEqualTo("50,58%");
        assertThat(VietnameseNumbers.change(new BigDecimal("4.85"), "PERCENT")).isEqualTo("+4,85%");
        assertThat(VietnameseNumbers.change(new BigDecimal("-0.32"), "POINTS")).isEqualTo("-0,32 điểm %");
    }

    @Test
    void periodsInWords() {
        assertThat(Labels.period("2022-06")).isEqualTo("tháng 6/2022");
        assertThat(Labels.period("2022-Q2")).isEqualTo("quý II/2022");
        assertThat(Labels.period("2022-H1")).isEqualTo("6 tháng đầu năm 2022");
        assertThat(Labels.period("2022")).isEqualTo("năm 2022");
    }
}
