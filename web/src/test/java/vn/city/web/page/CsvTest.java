package vn.city.web.page;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

    private static int count(String csv) throws IOException {
        return Csv.countRecords(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theRowsAfterTheHeaderAreCountedWithQuotedLineBreaksInTheirFieldAndBlankLinesLeftOut() throws IOException {
        assertThat(count("indicatorCode,unitCode,period,version,value\n")).isZero();
        assertThat(count("indicatorCode,value\nA,\"1.739,5\"\r\nB,2\n")).isEqualTo(2);
        assertThat(count("indicatorCode,value,note\nA,1,\"hai\ndòng\"\n\nB,2")).isEqualTo(2);
        assertThat(count("")).isZero();
    }
}
