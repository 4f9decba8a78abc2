package vn.city.indicator.result.event;

import java.math.BigDecimal;

/** {@code indicator-off-track}: once per indicator, unit and period, when attainment lags elapsed time by the margin. */
public record IndicatorOffTrack(String indicatorCode, String indicatorName, String unitCode, String ownerUnit,
                                String period, BigDecimal attainmentPercent, BigDecimal expectedPercent,
                                BigDecimal gapPoints) {
}
