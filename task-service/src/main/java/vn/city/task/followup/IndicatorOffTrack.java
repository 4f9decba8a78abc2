package vn.city.task.followup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;

/** What task-service reads of indicator-service's {@code indicator-off-track} event. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IndicatorOffTrack(String indicatorCode, String indicatorName, String unitCode, String ownerUnit,
                                String period, BigDecimal attainmentPercent, BigDecimal expectedPercent,
                                BigDecimal gapPoints) {
}
