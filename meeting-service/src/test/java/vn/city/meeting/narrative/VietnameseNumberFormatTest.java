package vn.city.meeting.narrative;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class VietnameseNumberFormatTest {

    @Test
    void dotsGroupThousandsAndACommaMarksDecimals() {
        assertThat(VietnameseNumberFormat.format(new BigDecimal("1739.5"))).isEqualTo("1.739,5");
        assertThat(VietnameseNumberFormat.format(new BigDecimal("84.258"))).isEqualTo("84,258");
        assertThat(VietnameseNumberFormat.format(new BigDecimal("75.23"))).isEqualTo("75,23");
        assertThat(VietnameseNumberFormat.format(new BigDecimal("24252.92"))).isEqualTo("24.252,92");
        assertThat(VietnameseNumberFormat.format(new BigDecimal("145244.67"))).isEqualTo("145.244,67");
        assertThat(VietnameseNumberFormat.format(new BigDecimal("2123"))).isEqualTo("2.123");
        assertThat(VietnameseNumberFormat.format(new BigDecimal("1234567"))).isEqualTo("1.234.567");
    }

    @Test
    void trailingZerosGoAndSmallNumbersStayPlain() {
        assertThat(VietnameseNumberFormat.format(new BigDecimal("4.150"))).isEqualTo("4,15");
        assertThat(VietnameseNumberFormat.format(new BigDecimal("100.00"))).isEqualTo("100");
        assertThat(VietnameseNumberFormat.format(new BigDecimal("1E+3"))).isEqualTo("1.000");
        assertThat(VietnameseNumberFormat.format(new BigDecimal("0.32"))).isEqualTo("0,32");
        assertThat(VietnameseNumberFormat.format(new BigDecimal("-0.32"))).isEqualTo("-0,32");
        assertThat(VietnameseNumberFormat.format(new BigDecimal("379"))).isEqualTo("379");
    }

    @Test
    void percentagesAreRoundedToTwoPlaces() {
        assertThat(VietnameseNumberFormat.format(new BigDecimal("50.5833"), 2)).isEqualTo("50,58");
        assertThat(VietnameseNumberFormat.format(new BigDecimal("100.005"), 2)).isEqualTo("100,01");
        assertThat(VietnameseNumberFormat.format(null)).isEmpty();
    }
}
