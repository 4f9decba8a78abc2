package vn.city.indicator.result.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.city.common.period.Period;
import vn.city.indicator.catalogue.ChangeKind;
import vn.city.indicator.catalogue.Indicator;
import vn.city.indicator.result.CityAggregation;
import vn.city.indicator.result.Result;
import vn.city.indicator.unit.OrgUnit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The monthly report of results as one Excel sheet (issue 18): the city's figure of every active indicator reported
 * or targeted in the period's year, grouped by category, with the period's value, year to date (lũy kế), the year's target, % of target, the same period last year,
 * the change and the status. Numbers stay numbers (percentages as ratios, the way Excel keeps them); their display format
 * (grouping, the indicator's decimals, %, units) is a cell format, which Excel and LibreOffice show with the reader's Vietnamese separators (1.739,5).
 */
@ApplicationScoped
public class ResultWorkbook {

    static final String[] HEADERS = {"STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện kỳ báo cáo", "Lũy kế từ đầu năm",
            "Kế hoạch năm", "% kế hoạch", "Cùng kỳ năm trước", "So cùng kỳ", "Tình trạng", "Ghi chú"};
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
            "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"};

    /** One indicator's line: the city's result, or none when it has no figure yet. */
    public record Line(Indicator indicator, Result result, List<String> missingUnits) {
    }

    private final ResultService results;

    public ResultWorkbook(ResultService results) {
        this.results = results;
    }

    /** What the sheet shows: one line per indicator and the units' names. */
    public record Report(Period period, Instant asOf, List<Line> lines, Map<String, String> unitNames) {
    }

    /** Loads the lines (on the Vert.x context); {@link #write(Report)} writes the file, best on a worker thread. */
    @WithSession
    public Uni<Report> report(Period period, Instant asOf) {
        // The indicators of the year: those with a figure or a target for it (a catalogue entry nobody reports on
        // that year has nothing to show).
        String reported = "code in (select f.indicatorCode from FigureSubmission f where f.periodYear = ?1) "
                + "or code in (select t.indicatorCode from Target t where t.year = ?1)";
        return Indicator.<Indicator>list("active = true and (" + reported + ")", period.year())
                .chain(indicators -> OrgUnit.<OrgUnit>listAll()
                .chain(units -> {
                    Map<String, String> unitNames = units.stream().filter(u -> u.name != null)
                            .collect(Collectors.toMap(u -> u.code, u -> u.name));
                    List<Indicator> ordered = indicators.stream()
                            .sorted(Comparator.comparing((Indicator i) -> i.category == null ? "" : i.category)
                                    .thenComparing(i -> i.code)).toList();
                    Uni<List<Line>> chain = Uni.createFrom().item(new ArrayList<>());
                    for (Indicator ind : ordered) {
                        chain = chain.chain(lines -> results.facts(ind, period).map(facts -> {
                            CityAggregation.CityResult formed = results.cityResult(facts, period, asOf);
                            Result r = formed == null ? results.unitResult(facts, ResultService.CITY, period, asOf)
                                    : formed.result();
                            lines.add(new Line(ind, r, formed == null ? List.of() : formed.missingUnits()));
                            return lines;
                        }));
                    }
                    return chain.map(lines -> new Report(period, asOf, lines, unitNames));
                }));
    }

    public static byte[] write(Report report) {
        Period period = report.period();
        Instant asOf = report.asOf();
        List<Line> lines = report.lines();
        Map<String, String> unitNames = report.unitNames();
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles st = new Styles(wb);
            XSSFSheet sheet = wb.createSheet("Kết quả " + label(period).replace('/', '-'));
            int r = 0;
            title(sheet, r++, "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI " + label(period).toUpperCase(),
                    st.title);
            title(sheet, r++, "(Số liệu đến " + DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")
                    .format(asOf.atZone(VIETNAM)) + ")", st.subtitle);
            r++;
            Row head = sheet.createRow(r++);
            head.setHeightInPoints(32);
            for (int c = 0; c < HEADERS.length; c++) {
                XSSFCell cell = (XSSFCell) head.createCell(c);
                cell.setCellValue(c == 3 ? "Thực hiện " + label(period) : HEADERS[c]);
                cell.setCellStyle(st.header);
            }
            int headerRow = r - 1;
            Map<String, List<Line>> byCategory = new LinkedHashMap<>();
            lines.forEach(l -> byCategory.computeIfAbsent(l.indicator().category == null ? "Khác" : l.indicator().category,
                    k -> new ArrayList<>()).add(l));
            int g = 0;
            for (Map.Entry<String, List<Line>> e : byCategory.entrySet()) {
                Row cat = sheet.createRow(r++);
                text(cat, 0, g < ROMAN.length ? ROMAN[g] : Integer.toString(g + 1), st.category);
                g++;
                text(cat, 1, e.getKey(), st.category);
                for (int c = 2; c < HEADERS.length; c++) {
                    text(cat, c, "", st.category);
                }
                int n = 0;
                for (Line line : e.getValue()) {
                    Row row = sheet.createRow(r++);
                    Indicator ind = line.indicator();
                    Result res = line.result();
                    number(row, 0, BigDecimal.valueOf(++n), st.integer);
                    text(row, 1, ind.name, st.text);
                    text(row, 2, ind.measureUnit, st.centered);
                    CellStyle value = st.value(ind.decimals);
                    number(row, 3, res == null ? null : res.value(), value);
                    number(row, 4, res == null ? null : res.yearToDate(), value);
                    number(row, 5, res == null ? null : res.target(), value);
                    number(row, 6, res == null ? null : ratio(res.attainmentPercent()), st.percent);
                    number(row, 7, res == null ? null : res.samePeriodLastYear(), value);
                    boolean percentChange = res != null && res.changeKind() == ChangeKind.PERCENT;
                    number(row, 8, res == null ? null : percentChange ? ratio(res.change()) : res.change(),
                            st.change(res == null ? null : res.changeKind(), ind.measureUnit, ind.decimals));
                    text(row, 9, res == null || res.value() == null ? "Chưa có số liệu" : status(res), st.text);
                    text(row, 10, line.missingUnits().isEmpty() ? "" : "Chưa có số liệu của: " + line.missingUnits()
                            .stream().map(u -> unitNames.getOrDefault(u, u)).collect(Collectors.joining(", ")), st.text);
                }
            }
            int[] widths = {6, 48, 14, 16, 16, 16, 12, 16, 16, 18, 36};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            sheet.createFreezePane(2, headerRow + 1);
            sheet.setAutoFilter(new CellRangeAddress(headerRow, r - 1, 0, HEADERS.length - 1));
            sheet.getPrintSetup().setLandscape(true);
            sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void title(XSSFSheet sheet, int r, String text, CellStyle style) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(text);
        row.getCell(0).setCellStyle(style);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, HEADERS.length - 1));
    }

    private static void text(Row row, int c, String value, CellStyle style) {
        var cell = row.createCell(c);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    private static void number(Row row, int c, BigDecimal value, CellStyle style) {
        var cell = row.createCell(c);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        cell.setCellStyle(style);
    }

    /** A percentage as Excel keeps it: 50.58 (%) is the ratio 0.5058 shown with the format 0.00%. */
    private static BigDecimal ratio(BigDecimal percent) {
        return percent == null ? null : percent.movePointLeft(2);
    }

    static String status(Result r) {
        if (r.status() == null) {
            return "";
        }
        return switch (r.status()) {
            case ACHIEVED -> "Đã đạt kế hoạch";
            case ON_TRACK -> "Đạt tiến độ";
            case BEHIND -> "Chậm tiến độ";
            case NO_TARGET -> "Chưa giao kế hoạch";
        };
    }

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q(\\d)");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H(\\d)");

    /** "tháng 6/2022", "quý 2/2022", "6 tháng đầu năm 2022", "năm 2022" from the canonical spelling. */
    static String label(Period period) {
        String p = period.toString();
        Matcher m;
        if ((m = MONTH.matcher(p)).matches()) {
            return "tháng " + Integer.parseInt(m.group(2)) + "/" + m.group(1);
        }
        if ((m = QUARTER.matcher(p)).matches()) {
            return "quý " + m.group(2) + "/" + m.group(1);
        }
        if ((m = HALF.matcher(p)).matches()) {
            return (m.group(2).equals("1") ? "6 tháng đầu năm " : "6 tháng cuối năm ") + m.group(1);
        }
        return "năm " + p;
    }

    /** Cell styles, one per format, made once per workbook. */
    private static final class Styles {
        final XSSFWorkbook wb;
        final DataFormat formats;
        final CellStyle title;
        final CellStyle subtitle;
        final CellStyle header;
        final CellStyle category;
        final CellStyle text;
        final CellStyle centered;
        final CellStyle integer;
        final CellStyle percent;
        final Map<String, CellStyle> numbers = new HashMap<>();

        Styles(XSSFWorkbook wb) {
            this.wb = wb;
            this.formats = wb.createDataFormat();
            Font bold = font(true, 12);
            title = wb.createCellStyle();
            title.setFont(font(true, 14));
            title.setAlignment(HorizontalAlignment.CENTER);
            subtitle = wb.createCellStyle();
            Font italic = font(false, 12);
            italic.setItalic(true);
            subtitle.setFont(italic);
            subtitle.setAlignment(HorizontalAlignment.CENTER);
            header = bordered();
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setWrapText(true);
            category = bordered();
            category.setFont(bold);
            text = bordered();
            text.setWrapText(true);
            centered = bordered();
            centered.setAlignment(HorizontalAlignment.CENTER);
            integer = number("0");
            integer.setAlignment(HorizontalAlignment.CENTER);
            percent = number("0.00%");
        }

        private Font font(boolean bold, int points) {
            Font f = wb.createFont();
            f.setFontName("Times New Roman");
            f.setFontHeightInPoints((short) points);
            f.setBold(bold);
            return f;
        }

        private CellStyle bordered() {
            CellStyle s = wb.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            s.setFont(font(false, 12));
            return s;
        }

        private CellStyle number(String format) {
            return numbers.computeIfAbsent(format, f -> {
                CellStyle s = bordered();
                s.setDataFormat(formats.getFormat(f));
                return s;
            });
        }

        /** "#,##0.00" with the indicator's decimals. */
        CellStyle value(int decimals) {
            return number(decimalFormat(decimals));
        }

        /** The change as its kind says: "+4,85%", "-0,32 điểm %", "+2 tạ/ha". */
        CellStyle change(ChangeKind kind, String measureUnit, int decimals) {
            if (kind == null) {
                return value(decimals);
            }
            if (kind == ChangeKind.PERCENT) {
                return number("+0.00%;-0.00%;0%");
            }
            String base = decimalFormat(kind == ChangeKind.UNITS ? decimals : 2);
            String suffix = kind == ChangeKind.POINTS ? "\" điểm\"" : "\" " + measureUnit.replace("\"", "") + "\"";
            return number("+" + base + suffix + ";-" + base + suffix + ";0" + suffix);
        }

        static String decimalFormat(int decimals) {
            return decimals <= 0 ? "#,##0" : "#,##0." + "0".repeat(Math.min(decimals, 6));
        }
    }
}
