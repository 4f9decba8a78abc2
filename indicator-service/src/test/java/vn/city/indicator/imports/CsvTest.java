package vn.city.indicator.imports;

import vn.city.indicator.csv.Csv;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

    @Test
    void readsQuotedVietnameseNumbersAndWritesThemBack() {
        List<List<String>> rows = Csv.parse("a,b,c\r\nRETAIL_SALES,\"1.739,5\",\"say \"\"hi\"\"\"\n\n");
        assertThat(rows).containsExactly(List.of("a", "b", "c"), List.of("RETAIL_SALES", "1.739,5", "say \"hi\""));
        assertThat(Csv.line(List.of("x", "1.739,5", "Phòng Kinh tế"))).isEqualTo("x,\"1.739,5\",Phòng Kinh tế\r\n");
    }
}
