package vn.city.indicator.result.event;

import vn.city.indicator.result.Result;

import java.math.BigDecimal;

/** The wire form of a unit's result (asyncapi.yaml Result): renaming a domain field never changes it. */
public record ResultPayload(String unitCode, String period, BigDecimal value, BigDecimal yearToDate, BigDecimal target,
                            BigDecimal attainmentPercent, BigDecimal expectedPercent, BigDecimal samePeriodLastYear,
                            BigDecimal change, String changeKind, String status, String currentVersion) {

    public static ResultPayload of(Result r) {
        if (r == null) {
            return null;
        }
        return new ResultPayload(r.unitCode(), r.period(), r.value(), r.yearToDate(), r.target(),
                r.attainmentPercent(), r.expectedPercent(), r.samePeriodLastYear(), r.change(), r.changeKind().name(),
                r.status().name(), r.currentVersion() == null ? null : r.currentVersion().name());
    }
}
