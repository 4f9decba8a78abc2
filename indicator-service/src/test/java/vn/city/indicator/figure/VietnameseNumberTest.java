package vn.city.indicator.figure;

import org.junit.jupiter.api.Test;
import vn.city.common.problem.Problem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VietnameseNumberTest {

    @Test
    void readsTheTextsNumbers() {
        assertThat(VietnameseNumber.parse("1.739,5")).isEqualByComparingTo("1739.5");
        assertThat(VietnameseNumber.parse("24.252,92")).isEqualByComparingTo("24252.92");
        assertThat(VietnameseNumber.parse("145.244,67")).isEqualByComparingTo("145244.67");
        assertThat(VietnameseNumber.parse("84,258")).isEqualByComparingTo("84.258");
        assertThat(VietnameseNumber.parse("2,88")).isEqualByComparingTo("2.88");
        assertThat(VietnameseNumber.parse("1.234.567")).isEqualByComparingTo("1234567");
        assertThat(VietnameseNumber.parse("4.785")).isEqualByComparingTo("4785");
        assertThat(VietnameseNumber.parse("2.500")).isEqualByComparingTo("2500");
        assertThat(VietnameseNumber.parse("2.123")).isEqualByComparingTo("2123");
        assertThat(VietnameseNumber.parse("1.739.500")).isEqualByComparingTo("1739500");
        assertThat(VietnameseNumber.parse("1739,5")).isEqualByComparingTo("1739.5");
        assertThat(VietnameseNumber.parse("285")).isEqualByComparingTo("285");
        assertThat(VietnameseNumber.parse("-3,5")).isEqualByComparingTo("-3.5");
    }

    @Test
    void refusesADotForDecimalsWithAHint() {
        for (String dot : new String[]{"1739.5", "1.73", "4.15", "1.7395", "12.3456.789"}) {
            assertThatThrownBy(() -> VietnameseNumber.parse(dot)).as(dot)
                    .hasMessageStartingWith("decimal-point").hasMessageContaining("comma").hasMessageContaining("JSON number");
        }
        assertThatThrownBy(() -> VietnameseNumber.parse("1739.5")).hasMessageContaining("'1739,5'");
        for (String bad : new String[]{"abc", "1,2,3", "1.73,5", "12..5", "1 tỷ", ""}) {
            assertThatThrownBy(() -> VietnameseNumber.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void valueRulesNameTheRule() {
        List<Problem.FieldViolation> errors = new ArrayList<>();
        ValueRules.check("value", new BigDecimal("1.1234567"), false, false, errors);
        ValueRules.check("value", new BigDecimal("-1"), false, false, errors);
        ValueRules.check("value", new BigDecimal("100.5"), false, true, errors);
        ValueRules.check("value", new BigDecimal("123456789012345"), false, false, errors);
        assertThat(errors).extracting(Problem.FieldViolation::rule)
                .containsExactly("excess-precision", "non-negative", "percent-range", "too-large");
        assertThat(ValueRules.normal(new BigDecimal("4.150000"))).hasToString("4.15");
        assertThat(ValueRules.normal(new BigDecimal("100.000000"))).hasToString("100");
    }

    @Test
    void outliersAreFarFromTheUnitsHistory() {
        OutlierRule rule = new OutlierRule(3, 10, 3);
        List<BigDecimal> history = List.of(new BigDecimal("9"), new BigDecimal("10"), new BigDecimal("11"),
                new BigDecimal("10"));
        assertThat(rule.isOutlier(new BigDecimal("10.5"), history)).isFalse();
        assertThat(rule.isOutlier(new BigDecimal("250"), history)).isTrue();
        assertThat(rule.isOutlier(new BigDecimal("250"), history.subList(0, 2))).as("too short a history").isFalse();
    }
}
