package vn.city.common.input;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.city.common.problem.InputRejectedException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonTest {

    record Body(String note, int year, BigDecimal value, List<String> units) {
    }

    private final ObjectMapper mapper = StrictJson.apply(new ObjectMapper());

    @Test
    void readsOrdinaryInput() throws Exception {
        Body b = mapper.readValue("{\"note\":\"a\\tb\\nc\\r\",\"year\":\"2022\",\"value\":\"12.5\",\"units\":[\"FIN\"]}",
                Body.class);
        assertThat(b.year()).isEqualTo(2022);
        assertThat(b.value()).isEqualByComparingTo("12.5");
    }

    @Test
    void refusesAControlCharacterNamingTheField() {
        assertThatThrownBy(() -> mapper.readValue("{\"units\":[\"FIN\",\"A\\u0000\"]}", Body.class))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.rule()).isEqualTo(TextRules.CONTROL_CHARACTER);
                    assertThat(e.getPathReference()).contains("units").contains("[1]");
                });
        assertThatThrownBy(() -> mapper.readValue("{\"note\":\"\\u001b[31m\"}", Body.class))
                .isInstanceOf(InputRejectedException.class);
    }

    @Test
    void refusesNonAsciiDigitsInNumbers() {
        assertThatThrownBy(() -> mapper.readValue("{\"year\":\"２０２２\"}", Body.class))
                .isInstanceOfSatisfying(InputRejectedException.class,
                        e -> assertThat(e.rule()).isEqualTo(TextRules.ASCII_DIGITS));
        assertThatThrownBy(() -> mapper.readValue("{\"value\":\"١٢\"}", Body.class))
                .isInstanceOf(InputRejectedException.class);
    }

    @Test
    void refusesADuplicateKey() {
        assertThatThrownBy(() -> mapper.readValue("{\"note\":\"CUL\",\"note\":\"FIN\"}", Body.class))
                .isInstanceOf(JsonParseException.class).hasMessageContaining("Duplicate field 'note'");
    }

    @Test
    void textRules() {
        assertThat(TextRules.forbiddenControl("a\tb\nc\rd")).isEqualTo(-1);
        assertThat(TextRules.forbiddenControl("ab\u007f")).isEqualTo(2);
        assertThat(TextRules.forbiddenControl("\u0085")).isEqualTo(0);
        assertThat(TextRules.hasNonAsciiDigit("Phường 12, tổ ３")).isTrue();
        assertThat(TextRules.hasNonAsciiDigit("Phường 12")).isFalse();
    }
}
