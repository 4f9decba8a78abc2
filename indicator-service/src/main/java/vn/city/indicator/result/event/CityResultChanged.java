package vn.city.indicator.result.event;

import vn.city.indicator.catalogue.Indicator;
import vn.city.indicator.result.CityAggregation;
import vn.city.indicator.result.Result;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** {@code city-result-changed}: the city's result of one indicator for one period (asyncapi.yaml CityResultChanged). */
public record CityResultChanged(String indicatorCode, String indicatorName, String measureUnit, String nature,
                                String direction, String category, String ownerUnit, String aggregation,
                                String changeKind, int decimals, String period, boolean formedFromMonths,
                                BigDecimal value, BigDecimal yearToDate, BigDecimal target,
                                BigDecimal attainmentPercent, BigDecimal expectedPercent,
                                BigDecimal samePeriodLastYear, BigDecimal change, String status, boolean partial,
                                List<String> contributingUnits, List<String> missingUnits, int revision,
                                OffsetDateTime computedAt, String cause) {

    /** Why a city result was announced again. */
    public enum Cause { FIGURE, TARGET, UNIT }

    public static CityResultChanged of(Indicator ind, CityAggregation.CityResult c, int revision,
                                       OffsetDateTime computedAt, Cause cause) {
        Result r = c.result();
        return new CityResultChanged(ind.code, ind.name, ind.measureUnit, ind.nature.name(), ind.direction.name(),
                ind.category, ind.ownerUnit, c.aggregation().name(), r.changeKind().name(), ind.decimals, r.period(),
                c.formedFromMonths(), r.value(), r.yearToDate(), r.target(), r.attainmentPercent(),
                r.expectedPercent(), r.samePeriodLastYear(), r.change(), r.status().name(), c.partial(),
                c.contributingUnits(), c.missingUnits(), revision, computedAt, cause.name());
    }

    /** What decides whether the result changed: everything but the revision and the time. */
    public static String digest(CityAggregation.CityResult c) {
        Result r = c.result();
        return String.join("|", String.valueOf(r.value()), String.valueOf(r.yearToDate()), String.valueOf(r.target()),
                String.valueOf(r.attainmentPercent()), String.valueOf(r.expectedPercent()),
                String.valueOf(r.samePeriodLastYear()), String.valueOf(r.change()), r.status().name(),
                String.valueOf(r.currentVersion()), String.valueOf(c.partial()), String.valueOf(c.formedFromMonths()),
                String.join(",", c.contributingUnits()), String.join(",", c.missingUnits()));
    }
}
