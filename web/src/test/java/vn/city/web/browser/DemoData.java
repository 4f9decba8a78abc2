package vn.city.web.browser;

import java.time.YearMonth;
import java.util.Map;
import java.util.Random;

/** A year and a half of figures in the spirit of the Bắc Kạn texts, for screenshots and page timings. */
final class DemoData {

    private DemoData() {
    }

    static void load(String indicatorApi, YearMonth current) {
        int year = current.getYear();
        Map<String, Object[]> targets = Map.of("RETAIL_SALES", new Object[] {3440, "PLAN"},
                "INDUSTRIAL_OUTPUT", new Object[] {290000, "PLAN"}, "POVERTY_RATE", new Object[] {2.5, "RESOLUTION"},
                "JOBS_CREATED", new Object[] {400, "PLAN"});
        for (int y : new int[] {year - 1, year}) {
            targets.forEach((code, t) -> Api.post("secretariat", indicatorApi + "/api/targets", Map.of("indicatorCode", code,
                    "year", y, "value", t[0], "kind", t[1], "documentNumber", "2888/QĐ-UBND",
                    "documentDate", (y - 1) + "-12-20"), 200));
        }
        Random random = new Random(7);
        YearMonth m = YearMonth.of(year - 1, 1);
        while (m.isBefore(current)) {
            double growth = m.getYear() == year ? 1.0 : 0.93;
            submit(indicatorApi, "RETAIL_SALES", "ECO", m, round(285 * growth * (0.9 + 0.2 * random.nextDouble())));
            submit(indicatorApi, "INDUSTRIAL_OUTPUT", "ECO", m, round(24252.92 * growth * (0.9 + 0.2 * random.nextDouble())));
            submit(indicatorApi, "POVERTY_RATE", "CITY", m, round(3.35 - 0.04 * m.getMonthValue() - (m.getYear() == year ? 0.4 : 0)));
            for (String ward : new String[] {"W-SONGCAU", "W-DUCXUAN", "C-NONGTHUONG"}) {
                submit(indicatorApi, "JOBS_CREATED", ward, m, 6 + random.nextInt(8));
            }
            m = m.plusMonths(1);
        }
    }

    private static void submit(String api, String code, String unit, YearMonth period, Number value) {
        Api.post("secretariat", api + "/api/figures", Map.of("indicatorCode", code, "unitCode", unit,
                "period", period.toString(), "version", "OFFICIAL", "value", value), 200);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
