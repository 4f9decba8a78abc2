package vn.city.indicator.result;

import vn.city.indicator.catalogue.ChangeKind;

import java.math.BigDecimal;

/**
 * An indicator's result for a unit and period (the RESULT of the contracts): the period's value, year to date,
 * target, attainment against it and against the share expected by elapsed time, the same period last year and the
 * change, and the status.
 */
public record Result(String unitCode, String period, BigDecimal value, BigDecimal yearToDate, BigDecimal target,
                     BigDecimal attainmentPercent, BigDecimal expectedPercent, BigDecimal samePeriodLastYear,
                     BigDecimal change, ChangeKind changeKind, Status status, FigureVersion currentVersion) {
}
