package vn.city.indicator.figure;

import vn.city.common.problem.Problem;
import vn.city.common.problem.ProblemException;
import vn.city.common.security.CurrentUser;
import vn.city.indicator.catalogue.Indicator;
import vn.city.indicator.figure.service.FigureService;
import vn.city.common.period.Period;
import vn.city.indicator.unit.OrgUnit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * The rules a submitted figure must satisfy, with every broken one reported (field and rule): a known, active
 * indicator reported by a known unit the caller acts for, valid during a period that has started, the indicator's
 * measure unit, one number (JSON or Vietnamese text) within the value rules, a year to date only for a flow.
 * Plain Java: the catalogue and units are looked up through the functions given, so the API and the bulk import
 * apply the same rules.
 */
public final class SubmissionRules {

    private final Function<String, Indicator> indicators;
    private final Function<String, OrgUnit> units;
    private final LocalDate today;

    public SubmissionRules(Function<String, Indicator> indicators, Function<String, OrgUnit> units, LocalDate today) {
        this.indicators = indicators;
        this.units = units;
        this.today = today;
    }

    /**
     * Adds the broken rules to {@code errors} and returns null, or returns the checked figure.
     *
     * @throws ProblemException 403 when the caller may not act for the unit
     */
    public FigureService.Checked check(FigureCommand r, String prefix, CurrentUser user,
                                       List<Problem.FieldViolation> errors) {
        int before = errors.size();
        Indicator ind = required(r.indicatorCode(), prefix + "indicatorCode", errors) ? indicators.apply(r.indicatorCode()) : null;
        if (r.indicatorCode() != null && ind == null) {
            errors.add(v(prefix + "indicatorCode", "unknown-indicator", "indicator '" + r.indicatorCode() + "' does not exist"));
        } else if (ind != null && !ind.active) {
            errors.add(v(prefix + "indicatorCode", "inactive", "indicator '" + ind.code + "' is no longer reported"));
        }
        OrgUnit unit = required(r.unitCode(), prefix + "unitCode", errors) ? units.apply(r.unitCode()) : null;
        if (r.unitCode() != null && unit == null) {
            errors.add(v(prefix + "unitCode", "unknown-unit", "unit '" + r.unitCode() + "' does not exist"));
        }
        if (unit != null && !user.actsFor(unit.code)) {
            throw ProblemException.forbidden("user '" + user.username() + "' of unit '" + user.department()
                    + "' may not submit figures for unit '" + unit.code + "'");
        }
        if (ind != null && unit != null && !ind.reportedBy(unit.code)) {
            errors.add(v(prefix + "unitCode", "not-a-reporting-unit",
                    "unit '" + unit.code + "' does not report indicator '" + ind.code + "'"));
        }
        required(r.version(), prefix + "version", errors);
        Period period = null;
        if (required(r.period(), prefix + "period", errors)) {
            try {
                period = Period.parse(r.period());
            } catch (IllegalArgumentException e) {
                errors.add(v(prefix + "period", "format", e.getMessage()));
            }
        }
        if (period != null) {
            if (period.startDate().isAfter(today)) {
                errors.add(v(prefix + "period", "not-future", "period " + period + " has not started yet"));
            } else if (unit != null && !unit.validDuring(period.startDate(), period.endDate())) {
                errors.add(v(prefix + "period", "unit-not-valid",
                        "unit '" + unit.code + "' did not exist during " + period));
            }
        }
        if (ind != null && r.measureUnit() != null && !r.measureUnit().equals(ind.measureUnit)) {
            errors.add(v(prefix + "measureUnit", "unit-mismatch", "indicator '" + ind.code + "' is measured in '"
                    + ind.measureUnit + "', not '" + r.measureUnit() + "'"));
        }
        BigDecimal raw = r.value();
        String valueField = prefix + "value";
        if (r.value() == null && r.valueText() == null) {
            errors.add(v(valueField, "required", "give value (a number) or valueText (e.g. \"1.739,5\")"));
        } else if (r.value() != null && r.valueText() != null) {
            errors.add(v(prefix + "valueText", "one-of", "give value or valueText, not both"));
        } else if (r.valueText() != null) {
            valueField = prefix + "valueText";
            try {
                raw = VietnameseNumber.parse(r.valueText());
            } catch (IllegalArgumentException e) {
                String msg = e.getMessage();
                int colon = msg.indexOf(':');
                errors.add(v(valueField, msg.substring(0, colon), msg.substring(colon + 2)));
            }
        }
        BigDecimal value = null;
        BigDecimal ytd = null;
        if (ind != null) {
            value = ValueRules.check(valueField, raw, ind.allowNegative, ind.isPercent(), errors);
            if (r.yearToDate() != null) {
                if (!ind.nature.summable()) {
                    errors.add(v(prefix + "yearToDate", "flow-only",
                            "only a flow indicator has a year to date; a " + ind.nature + " stands by its value"));
                } else {
                    ytd = ValueRules.check(prefix + "yearToDate", r.yearToDate(), ind.allowNegative, false, errors);
                    if (value != null && ytd != null && !ind.allowNegative && ytd.compareTo(value) < 0) {
                        errors.add(v(prefix + "yearToDate", "not-below-value",
                                "the year to date cannot be less than the period's value"));
                    }
                }
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new FigureService.Checked(ind, unit, period, r.version(), value, ytd, r.note());
    }

    private static boolean required(Object value, String field, List<Problem.FieldViolation> errors) {
        if (value == null) {
            errors.add(v(field, "required", field + " is required"));
            return false;
        }
        return true;
    }

    private static Problem.FieldViolation v(String field, String rule, String message) {
        return new Problem.FieldViolation(field, rule, message);
    }
}
