package vn.city.indicator.result;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.city.indicator.support.Api;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static vn.city.indicator.support.Api.as;
import static vn.city.indicator.support.Api.dec;
import static vn.city.indicator.support.Api.submit;

/** The month's results as an Excel sheet, read back with Apache POI and compared with the results API. */
@QuarkusTest
class ResultWorkbookTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void oneSheetByCategoryWithNumbersInVietnameseFormatsAndNamedUnits() throws Exception {
        // A year of its own (no seed or other test reports 1997–2011; FIN exists from 1997), so the sheet holds only this test's indicators.
        int year = ThreadLocalRandom.current().nextInt(1998, 2012);
        String category = "Thương mại – dịch vụ " + Api.code("T");
        String retail = indicator("RETAIL", "Tổng mức bán lẻ hàng hóa", "tỷ đồng", "FLOW", category, 1);
        String poverty = indicator("POOR", "Tỷ lệ hộ nghèo", "%", "LEVEL", category, 2);
        Api.target(retail, year, null, 3439, "PLAN");
        submit("secretariat", retail, "FIN", (year - 1) + "-06", "OFFICIAL", 271.8, null).statusCode(201);
        submit("secretariat", retail, "FIN", year + "-05", "OFFICIAL", 1454.5, null).statusCode(201);
        submit("secretariat", retail, "FIN", year + "-06", "ESTIMATE", 285, null).statusCode(201);
        submit("secretariat", poverty, "FIN", year + "-06", "OFFICIAL", 2.88, null).statusCode(201);

        byte[] file = as("viewer").accept(XLSX).get("/api/results/export.xlsx?period=" + year + "-06")
                .then().statusCode(200).contentType(XLSX).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter vietnamese = new DataFormatter(Locale.forLanguageTag("vi-VN"));
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI THÁNG 6/" + year);
            Row header = row(sheet, "STT");
            assertThat(texts(header)).containsExactly("STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện tháng 6/" + year,
                    "Lũy kế từ đầu năm", "Kế hoạch năm", "% kế hoạch", "Cùng kỳ năm trước", "So cùng kỳ", "Tình trạng",
                    "Ghi chú");
            Row cat = row(sheet, category);
            assertThat(cat.getCell(0).getStringCellValue()).matches("[IVX]+");

            // by the full name (it ends with the code): other runs on the shared test database may have used this year
            Row r = row(sheet, "Tổng mức bán lẻ hàng hóa " + retail);
            assertThat(r.getRowNum()).isGreaterThan(cat.getRowNum());
            assertThat(r.getCell(2).getStringCellValue()).isEqualTo("tỷ đồng");
            JsonPath api = as("viewer").get("/api/results/city?indicator=" + retail + "&period=" + year + "-06")
                    .then().statusCode(200).extract().jsonPath();
            for (int[] c : new int[][]{{3, 0}, {4, 1}, {5, 2}, {6, 3}, {7, 4}, {8, 5}}) {
                String field = List.of("value", "yearToDate", "target", "attainmentPercent", "samePeriodLastYear",
                        "change").get(c[1]);
                BigDecimal expected = dec(api, field);
                if (c[0] == 6 || (c[0] == 8 && "PERCENT".equals(api.getString("changeKind")))) {
                    expected = expected.movePointLeft(2); // a percentage is kept as a ratio with the format 0.00%
                }
                assertThat(r.getCell(c[0]).getCellType()).as(field).isEqualTo(CellType.NUMERIC);
                assertThat(r.getCell(c[0]).getNumericCellValue()).as(field)
                        .isCloseTo(expected.doubleValue(), within(1e-9));
            }
            assertThat(r.getCell(4).getNumericCellValue()).isEqualTo(1739.5);
            assertThat(vietnamese.formatCellValue(r.getCell(3))).isEqualTo("285,0");
            assertThat(vietnamese.formatCellValue(r.getCell(4))).isEqualTo("1.739,5");
            assertThat(vietnamese.formatCellValue(r.getCell(5))).isEqualTo("3.439,0");
            assertThat(vietnamese.formatCellValue(r.getCell(6))).isEqualTo("50,58%");
            assertThat(vietnamese.formatCellValue(r.getCell(8))).matches("[+-]\\d+,\\d\\d%");
            assertThat(r.getCell(9).getStringCellValue()).isIn("Đạt tiến độ", "Chậm tiến độ", "Đã đạt kế hoạch");

            Row p = row(sheet, "Tỷ lệ hộ nghèo " + poverty);
            assertThat(p.getCell(2).getStringCellValue()).isEqualTo("%");
            assertThat(p.getCell(3).getNumericCellValue()).isEqualTo(2.88);
            assertThat(vietnamese.formatCellValue(p.getCell(3))).isEqualTo("2,88");
        }
    }

    private static String indicator(String prefix, String name, String measureUnit, String nature, String category,
                                    int decimals) {
        String code = Api.code(prefix).replace('-', '_');
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", name + " " + code,
                "measureUnit", measureUnit, "nature", nature, "direction", "HIGHER_IS_BETTER", "ownerUnit", "FIN",
                "category", category, "reportingUnits", List.of("FIN"), "aggregation", "OWNER_REPORTED",
                "decimals", decimals));
        as("secretariat").body(body).post("/api/indicators").then().statusCode(201);
        return code;
    }

    private static Row row(Sheet sheet, String startOfText) {
        for (Row r : sheet) {
            for (var c : r) {
                if (c.getCellType() == CellType.STRING && c.getStringCellValue().startsWith(startOfText)) {
                    return r;
                }
            }
        }
        throw new AssertionError("no row with '" + startOfText + "'");
    }

    private static List<String> texts(Row r) {
        List<String> out = new java.util.ArrayList<>();
        r.forEach(c -> out.add(c.getStringCellValue()));
        return out;
    }
}
