package vn.city.indicator.figure;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * A value far outside a unit's own history of an indicator: more than {@code k} standard deviations from the mean,
 * or more than {@code ratio} times the median (or less than the median divided by it). It is accepted and flagged,
 * never refused. Too short a history (fewer than {@code minHistory} figures) flags nothing.
 */
public record OutlierRule(double k, double ratio, int minHistory) {

    public boolean isOutlier(BigDecimal value, List<BigDecimal> history) {
        if (value == null || history.size() < minHistory) {
            return false;
        }
        double v = value.doubleValue();
        double mean = history.stream().mapToDouble(BigDecimal::doubleValue).average().orElse(0);
        double variance = history.stream().mapToDouble(h -> Math.pow(h.doubleValue() - mean, 2)).sum() / history.size();
        double sd = Math.sqrt(variance);
        if (sd > 0 && Math.abs(v - mean) > k * sd) {
            return true;
        }
        List<BigDecimal> sorted = history.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2).doubleValue()
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64)
                .doubleValue();
        if (median > 0) {
            return v > median * ratio || (v >= 0 && v < median / ratio);
        }
        return false;
    }
}
