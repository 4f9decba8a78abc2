package vn.city.web.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.city.web.chart.LineChart;
import vn.city.web.client.Dto;

import java.math.BigDecimal;
import java.net.URI;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Tổng quan: the year's indicators by category for a month (city figure, lũy kế, % of target, change on the same
 * period last year, status), a chart per indicator (the year's months against last year's and the target) and the
 * units' breakdown. Everything comes from indicator-service: the catalogue, the units, and the results export of
 * each month of the year (one call per month, in parallel).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class OverviewPage {

    @CheckedTemplate(basePath = "overview", requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance page(Overview o);
    }

    @TemplateData
    public record UnitLine(String unitCode, String unitName, Dto.Result result) {
    }

    @TemplateData
    public record Line(Dto.Indicator indicator, Dto.Result city, List<UnitLine> units, String chart, boolean anyData) {
        public String status() {
            return city == null ? null : city.status();
        }
    }

    @TemplateData
    public record Category(String name, List<Line> lines) {
    }

    @TemplateData
    public record Overview(String period, String year, List<String> months, List<Category> categories,
            int behind, int achieved, int reported) {
    }

    private final Backend backend;

    public OverviewPage(Backend backend) {
        this.backend = backend;
    }

    @GET
    public Response root() {
        return Response.seeOther(URI.create("/tong-quan")).build();
    }

    @GET
    @Path("tong-quan")
    public TemplateInstance overview(@QueryParam("ky") String asked) {
        YearMonth month = Periods.monthOr(asked);
        String bearer = backend.indicatorToken();
        String me = backend.user();
        var indicators = backend.async(() -> backend.indicators(me, bearer));
        var units = backend.async(() -> backend.units(me, bearer));
        List<CompletableFuture<String>> exports = new ArrayList<>();
        for (int m = 1; m <= month.getMonthValue(); m++) {
            String p = YearMonth.of(month.getYear(), m).toString();
            exports.add(backend.async(() -> backend.resultsCsv(me, bearer, p)));
        }
        CompletableFuture.allOf(exports.toArray(CompletableFuture[]::new)).join();
        // month index → indicator → unit → result
        List<Map<String, Map<String, Dto.Result>>> byMonth = new ArrayList<>();
        for (CompletableFuture<String> e : exports) {
            byMonth.add(index(Csv.read(e.join())));
        }
        Map<String, String> unitNames = new LinkedHashMap<>();
        units.join().forEach(u -> unitNames.put(u.code(), u.name()));
        if (asked == null || asked.isBlank()) {
            // no month asked for: the newest month of the year that has a city figure (early in a month, the last one)
            for (int m = byMonth.size() - 1; m > 0; m--) {
                if (byMonth.get(m).values().stream().anyMatch(r -> r.containsKey("CITY"))) {
                    break;
                }
                byMonth.remove(m);
                month = month.minusMonths(1);
            }
        }
        Map<String, Map<String, Dto.Result>> current = byMonth.get(byMonth.size() - 1);

        Map<String, List<Line>> byCategory = new LinkedHashMap<>();
        int behind = 0;
        int achieved = 0;
        int reported = 0;
        List<Dto.Indicator> catalogue = new ArrayList<>(indicators.join());
        catalogue.removeIf(i -> Boolean.FALSE.equals(i.active()));
        catalogue.sort(Comparator.comparing((Dto.Indicator i) -> i.category() == null ? "" : i.category()));
        for (Dto.Indicator ind : catalogue) {
            Map<String, Dto.Result> results = current.getOrDefault(ind.code(), Map.of());
            Dto.Result city = results.get("CITY");
            List<UnitLine> unitLines = new ArrayList<>();
            results.forEach((unit, r) -> {
                if (!"CITY".equals(unit)) {
                    unitLines.add(new UnitLine(unit, unitNames.getOrDefault(unit, unit), r));
                }
            });
            if (city != null) {
                reported++;
                behind += "BEHIND".equals(city.status()) ? 1 : 0;
                achieved += "ACHIEVED".equals(city.status()) ? 1 : 0;
            }
            boolean flow = "FLOW".equals(ind.nature());
            BigDecimal[] thisYear = new BigDecimal[12];
            BigDecimal[] lastYear = new BigDecimal[12];
            BigDecimal target = null;
            boolean anyData = false;
            for (int m = 0; m < byMonth.size(); m++) {
                Dto.Result r = byMonth.get(m).getOrDefault(ind.code(), Map.of()).get("CITY");
                if (r != null) {
                    anyData = true;
                    thisYear[m] = flow ? r.yearToDate() : r.value();
                    lastYear[m] = r.samePeriodLastYear();
                    target = r.target() != null ? r.target() : target;
                }
            }
            String title = ind.name() + (flow ? " (lũy kế, " : " (") + ind.measureUnit() + ")";
            String chart = LineChart.svg(title, Arrays.asList(thisYear), Arrays.asList(lastYear), target, month.getYear());
            byCategory.computeIfAbsent(ind.category() == null ? "Khác" : ind.category(), k -> new ArrayList<>())
                    .add(new Line(ind, city, unitLines, chart, anyData || city != null));
        }
        List<Category> categories = new ArrayList<>();
        byCategory.forEach((name, lines) -> categories.add(new Category(name, lines)));
        return Templates.page(new Overview(month.toString(), Integer.toString(month.getYear()),
                Periods.recentMonths(12), categories, behind, achieved, reported));
    }

    static Map<String, Map<String, Dto.Result>> index(List<Map<String, String>> rows) {
        Map<String, Map<String, Dto.Result>> out = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            Dto.Result r = new Dto.Result(row.get("unitCode"), row.get("period"), num(row.get("value")),
                    num(row.get("yearToDate")), num(row.get("target")), num(row.get("attainmentPercent")),
                    num(row.get("expectedPercent")), num(row.get("samePeriodLastYear")), num(row.get("change")),
                    row.get("changeKind"), row.get("status"), row.get("currentVersion"));
            out.computeIfAbsent(row.get("indicatorCode"), k -> new LinkedHashMap<>()).put(r.unitCode(), r);
        }
        return out;
    }

    private static BigDecimal num(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
