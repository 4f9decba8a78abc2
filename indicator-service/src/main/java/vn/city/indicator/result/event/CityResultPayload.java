package vn.city.indicator.result.event;

import vn.city.indicator.result.CityAggregation;
import vn.city.indicator.result.Result;

import java.math.BigDecimal;
import java.util.List;

/** The wire form of the city's result in figure-submitted (asyncapi.yaml CityResult). */
public record CityResultPayload(String unitCode, String period, BigDecimal value, BigDecimal yearToDate,
                                BigDecimal target, BigDecimal attainmentPercent, BigDecimal expectedPercent,
                                BigDecimal samePeriodLastYear, BigDecimal change, String changeKind, String status,
                                String currentVersion, String aggregation, boolean partial,
                                List<String> contributingUnits, List<String> missingUnits) {

    public static CityResultPayload of(CityAggregation.CityResult c) {
        if (c == null) {
            return null;
        }
        Result r = c.result();
        return new CityResultPayload(r.unitCode(), r.period(), r.value(), r.yearToDate(), r.target(),
                r.attainmentPercent(), r.expectedPercent(), r.samePeriodLastYear(), r.change(), r.changeKind().name(),
                r.status().name(), r.currentVersion() == null ? null : r.currentVersion().name(),
                c.aggregation().name(), c.partial(), c.contributingUnits(), c.missingUnits());
    }
}
