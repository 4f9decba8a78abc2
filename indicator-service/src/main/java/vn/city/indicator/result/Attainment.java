package vn.city.indicator.result;

import vn.city.indicator.catalogue.Nature;
import vn.city.indicator.catalogue.Direction;
import vn.city.indicator.catalogue.ChangeKind;

import vn.city.common.period.Period;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Judges a year to date against the annual target, the share of it expected by elapsed time and the same period
 * last year.
 * <ul>
 * <li>Higher is better: attainment = basis / target; ACHIEVED at 100 % or more, ON_TRACK down to
 * expected − margin, else BEHIND. A flow (or progress figure) is expected to reach m/12 of its target by the end of
 * month m; a level is expected to meet the target itself.</li>
 * <li>Lower is better, level (poverty rate): attainment = target / value, so 100 % or more means at or under the
 * target; ACHIEVED when value ≤ target, ON_TRACK down to 100 − margin.</li>
 * <li>Lower is better, flow (a ceiling): attainment = share of the ceiling used; ON_TRACK up to expected + margin,
 * ACHIEVED when the year ends within the ceiling.</li>
 * </ul>
 * The basis is the year to date (for a level, its latest value). Percentages have two decimals, half up, as the
 * texts print them ("đạt 75,23% nghị quyết").
 */
public final class Attainment {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int SCALE = 2;

    private Attainment() {
    }

    public static Result judge(String unitCode, Period period, Nature nature, Direction direction,
                               Snapshot now, Snapshot lastYear, BigDecimal target, BigDecimal marginPoints) {
        return judge(unitCode, period, nature, direction, nature.summable() ? ChangeKind.PERCENT : ChangeKind.POINTS,
                now, lastYear, target, marginPoints);
    }

    public static Result judge(String unitCode, Period period, Nature nature, Direction direction,
                               ChangeKind changeKind, Snapshot now, Snapshot lastYear, BigDecimal target,
                               BigDecimal marginPoints) {
        BigDecimal basis = now.yearToDate() != null ? now.yearToDate() : now.value();
        BigDecimal expected = expectedPercent(nature, direction, period);
        BigDecimal attainment = attainment(nature, direction, basis, target);
        Status status = status(nature, direction, period, basis, target, attainment, expected, marginPoints);

        BigDecimal last;
        BigDecimal change = null;
        if (nature.summable()) {
            last = lastYear.yearToDate() != null ? lastYear.yearToDate() : lastYear.value();
        } else {
            last = lastYear.value() != null ? lastYear.value() : lastYear.yearToDate();
        }
        if (changeKind == ChangeKind.PERCENT) {
            if (basis != null && last != null && last.signum() != 0) {
                change = basis.multiply(HUNDRED).divide(last, 10, RoundingMode.HALF_UP).subtract(HUNDRED)
                        .setScale(SCALE, RoundingMode.HALF_UP);
            }
        } else {
            if (basis != null && last != null) {
                change = strip(basis.subtract(last));
            }
        }
        return new Result(unitCode, period.toString(), now.value(), now.yearToDate(), target, attainment,
                expected, last, change, changeKind, status, now.version());
    }

    /** How far a result lags behind what elapsed time expects, in percentage points (positive = behind). */
    public static BigDecimal gapPoints(Result r, Nature nature, Direction direction) {
        if (r.attainmentPercent() == null || r.expectedPercent() == null) {
            return null;
        }
        if (direction == Direction.LOWER_IS_BETTER && nature.summable()) {
            return r.attainmentPercent().subtract(r.expectedPercent());
        }
        return r.expectedPercent().subtract(r.attainmentPercent());
    }

    static BigDecimal expectedPercent(Nature nature, Direction direction, Period period) {
        if (nature == Nature.LEVEL || (direction == Direction.LOWER_IS_BETTER && !nature.summable())) {
            return HUNDRED.setScale(SCALE);
        }
        return BigDecimal.valueOf(period.endMonth()).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(12), SCALE, RoundingMode.HALF_UP);
    }

    static BigDecimal attainment(Nature nature, Direction direction, BigDecimal basis, BigDecimal target) {
        if (basis == null || target == null) {
            return null;
        }
        if (direction == Direction.LOWER_IS_BETTER && !nature.summable()) {
            return basis.signum() == 0 ? null : target.multiply(HUNDRED).divide(basis, SCALE, RoundingMode.HALF_UP);
        }
        return target.signum() == 0 ? null : basis.multiply(HUNDRED).divide(target, SCALE, RoundingMode.HALF_UP);
    }

    private static Status status(Nature nature, Direction direction, Period period, BigDecimal basis,
                                 BigDecimal target, BigDecimal attainment, BigDecimal expected, BigDecimal margin) {
        if (basis == null || target == null) {
            return Status.NO_TARGET;
        }
        if (direction == Direction.LOWER_IS_BETTER) {
            if (!nature.summable()) {
                if (basis.compareTo(target) <= 0) {
                    return Status.ACHIEVED;
                }
                return attainment != null && attainment.compareTo(HUNDRED.subtract(margin)) >= 0
                        ? Status.ON_TRACK : Status.BEHIND;
            }
            if (basis.compareTo(target) > 0) {
                return Status.BEHIND;
            }
            if (period.endMonth() == 12) {
                return Status.ACHIEVED;
            }
            return attainment == null || attainment.compareTo(expected.add(margin)) <= 0
                    ? Status.ON_TRACK : Status.BEHIND;
        }
        if (attainment == null) {
            return Status.NO_TARGET;
        }
        if (attainment.compareTo(HUNDRED) >= 0) {
            return Status.ACHIEVED;
        }
        return attainment.compareTo(expected.subtract(margin)) >= 0 ? Status.ON_TRACK : Status.BEHIND;
    }

    private static BigDecimal strip(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
