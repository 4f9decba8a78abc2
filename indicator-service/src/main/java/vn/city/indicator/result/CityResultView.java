package vn.city.indicator.result;

import vn.city.indicator.catalogue.ChangeKind;
import vn.city.indicator.catalogue.Aggregation;

import java.math.BigDecimal;
import java.util.List;

/** The city's result as the API shows it: a result with how it was formed and which units are still missing. */
public record CityResultView(String unitCode, String period, BigDecimal value, BigDecimal yearToDate, BigDecimal target,
                             BigDecimal attainmentPercent, BigDecimal expectedPercent, BigDecimal samePeriodLastYear,
                             BigDecimal change, ChangeKind changeKind, Status status, FigureVersion currentVersion,
                             Aggregation aggregation, boolean partial, boolean formedFromMonths,
                             List<String> contributingUnits, List<String> missingUnits) {

    public static CityResultView of(CityAggregation.CityResult c) {
        if (c == null) {
            return null;
        }
        Result r = c.result();
        return new CityResultView(r.unitCode(), r.period(), r.value(), r.yearToDate(), r.target(),
                r.attainmentPercent(), r.expectedPercent(), r.samePeriodLastYear(), r.change(), r.changeKind(),
                r.status(), r.currentVersion(), c.aggregation(), c.partial(), c.formedFromMonths(),
                c.contributingUnits(), c.missingUnits());
    }
}
