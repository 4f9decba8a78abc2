package vn.city.indicator.result;

import vn.city.indicator.catalogue.Nature;
import vn.city.indicator.catalogue.Direction;
import vn.city.indicator.catalogue.ChangeKind;
import vn.city.indicator.catalogue.Aggregation;

import vn.city.common.period.Period;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How a city figure is formed from the unit tree, as each indicator declares it ({@link Aggregation}): the owner's
 * own figure; the sum of the wards and communes under the city that report it (each unit's own figures counted
 * once, so a merged ward's figures are counted once, for the periods it existed); a rate from the city figures of
 * a numerator and a denominator indicator; or none. Says which units contributed and which expected ones have not
 * reported (then the total is partial). A quarter, half year or year without a figure of its own is formed from its
 * months. Plain Java: the caller supplies the units, the figures and the targets.
 */
public final class CityAggregation {

    public static final String CITY = "CITY";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** What the aggregation needs to know of an indicator. */
    public record Rule(String code, Nature nature, Direction direction, ChangeKind changeKind, Aggregation aggregation,
                       String ownerUnit, String numeratorCode, String denominatorCode, List<String> reportingUnits,
                       boolean percent) {

        boolean reportedBy(String unitCode) {
            return reportingUnits.isEmpty() || reportingUnits.contains(unitCode);
        }
    }

    /** A unit of the tree as the aggregation sees it. */
    public record Unit(String code, String kind, String parentCode, boolean active, LocalDate validFrom,
                       LocalDate validTo) {

        boolean validDuring(LocalDate from, LocalDate to) {
            return !validFrom.isAfter(to) && (validTo == null || !validTo.isBefore(from));
        }

        boolean reportsUpward() {
            return "WARD".equals(kind) || "COMMUNE".equals(kind);
        }
    }

    /** The city's result with how it was formed. */
    public record CityResult(Result result, Aggregation aggregation, boolean partial, List<String> contributingUnits,
                             List<String> missingUnits, boolean formedFromMonths) {
    }

    private record Formed(Snapshot snapshot, TreeSet<String> contributing, TreeSet<String> missing) {
        static Formed empty() {
            return new Formed(Snapshot.EMPTY, new TreeSet<>(), new TreeSet<>());
        }
    }

    private final Map<String, Unit> units;
    private final BigDecimal marginPoints;

    public CityAggregation(Collection<Unit> units, BigDecimal marginPoints) {
        this.units = new HashMap<>();
        units.forEach(u -> this.units.put(u.code(), u));
        this.marginPoints = marginPoints;
    }

    /**
     * The city's result of {@code rule} for a period as known at {@code asOf}; null when it is not aggregated.
     *
     * @param rules  the indicator's rule and, for a weighted one, its numerator's and denominator's
     * @param points every figure of those indicators for the period's year and the year before, by indicator code
     */
    public CityResult cityResult(Rule rule, Map<String, Rule> rules, Map<String, List<FigurePoint>> points,
                                 Period period, Instant asOf, BigDecimal target) {
        return over(rule, rules, points, asOf, target).result(period);
    }

    /**
     * The city's results of {@code rule} for any number of periods of the same figures as known at {@code asOf}:
     * each unit's series, each unit's figure of a period and each period's formed figure are worked out once and
     * reused (a submission asks for its period, the enclosing quarter, half year and year, the later months and
     * the same periods of the year before).
     */
    public Formation over(Rule rule, Map<String, Rule> rules, Map<String, List<FigurePoint>> points, Instant asOf,
                          BigDecimal target) {
        return new Formation(rule, rules, points, asOf, target);
    }

    /** {@link #over}: the results of one indicator over one set of figures, with what they share worked out once. */
    public final class Formation {

        private final Rule rule;
        private final Map<String, Rule> rules;
        private final Map<String, List<FigurePoint>> points;
        private final Instant asOf;
        private final BigDecimal target;
        private final Map<String, Map<String, Series>> seriesByCode = new HashMap<>();
        private final Map<Series, Map<Period, Snapshot>> snapshots = new IdentityHashMap<>();
        private final Map<FormedKey, Formed> formed = new HashMap<>();
        private final Map<SpanKey, List<String>> expected = new HashMap<>();
        private final Map<String, List<Unit>> reporting = new HashMap<>();

        private Formation(Rule rule, Map<String, Rule> rules, Map<String, List<FigurePoint>> points, Instant asOf,
                          BigDecimal target) {
            this.rule = rule;
            this.rules = rules;
            this.points = points;
            this.asOf = asOf;
            this.target = target;
        }

        /** The city's result for a period; null when the indicator is not aggregated. */
        public CityResult result(Period period) {
            if (rule.aggregation() == Aggregation.NOT_AGGREGATED) {
                return null;
            }
            Formed now = formed(rule, period, 0);
            Formed lastYear = formed(rule, period.previousYear(), 0);
            Result r = new ResultCalculator(rule.nature(), rule.direction(), rule.changeKind(), marginPoints)
                    .judge(CITY, period, now.snapshot(), lastYear.snapshot(), target);
            return new CityResult(r, rule.aggregation(), !now.missing().isEmpty(), List.copyOf(now.contributing()),
                    List.copyOf(now.missing()), now.snapshot().fromMonths());
        }

        private Formed formed(Rule r, Period period, int depth) {
            FormedKey key = new FormedKey(r.code(), period, depth);
            Formed f = formed.get(key);
            if (f == null) {
                f = switch (r.aggregation()) {
                    case NOT_AGGREGATED -> Formed.empty();
                    case OWNER_REPORTED -> owner(r, series(r), period);
                    case SUM_OF_UNITS -> sum(r, series(r), period);
                    case WEIGHTED -> weighted(r, period, depth);
                };
                formed.put(key, f);
            }
            return f;
        }

        private Map<String, Series> series(Rule r) {
            return seriesByCode.computeIfAbsent(r.code(),
                    code -> seriesByUnit(points.getOrDefault(code, List.of()), asOf));
        }

        private Snapshot snapshot(Rule r, Series s, Period period) {
            if (s == null) {
                return Snapshot.EMPTY;
            }
            return snapshots.computeIfAbsent(s, k -> new HashMap<>())
                    .computeIfAbsent(period, p -> Snapshot.of(r.nature(), s, p));
        }

        private List<String> expected(Rule r, LocalDate from, LocalDate to) {
            return expected.computeIfAbsent(new SpanKey(r.code(), from, to), k -> {
                // the units that may ever be expected for the rule (by code), then those valid during the span
                List<Unit> candidates = reporting.computeIfAbsent(r.code(), c -> reportingUnits(r));
                List<String> codes = new ArrayList<>();
                for (Unit u : candidates) {
                    if (u.validDuring(from, to)) {
                        codes.add(u.code());
                    }
                }
                return codes;
            });
        }

        private Formed owner(Rule r, Map<String, Series> byUnit, Period period) {
            for (String code : List.of(r.ownerUnit(), CITY)) {
                Snapshot snap = snapshot(r, byUnit.get(code), period);
                if (snap.value() != null) {
                    TreeSet<String> contributing = new TreeSet<>();
                    contributing.add(code);
                    return new Formed(snap, contributing, new TreeSet<>());
                }
            }
            TreeSet<String> missing = new TreeSet<>();
            missing.add(r.ownerUnit());
            return new Formed(Snapshot.EMPTY, new TreeSet<>(), missing);
        }

        private Formed sum(Rule r, Map<String, Series> byUnit, Period period) {
            TreeSet<String> contributing = new TreeSet<>();
            TreeSet<String> missing = new TreeSet<>();
            List<Snapshot> values = new ArrayList<>();
            for (String code : expected(r, period.startDate(), period.endDate())) {
                Snapshot snap = snapshot(r, byUnit.get(code), period);
                if (snap.value() != null) {
                    contributing.add(code);
                    values.add(snap);
                } else {
                    missing.add(code);
                }
            }
            Snapshot total = Snapshot.sum(values);
            BigDecimal ytd = total.value();
            if (r.nature().summable()) {
                // the year to date of every unit that existed since January: a ward merged away in the middle of
                // the year brings the months it reported, its successor the months after
                List<Snapshot> ytds = new ArrayList<>();
                for (String code : expected(r, Period.month(period.year(), 1).startDate(), period.endDate())) {
                    Series s = byUnit.get(code);
                    if (s != null) {
                        // the unit's figure of the period carries its year to date (YearToDate.of)
                        ytds.add(new Snapshot(null, snapshot(r, s, period).yearToDate(), null));
                    }
                }
                ytd = Snapshot.sum(ytds).yearToDate();
            }
            return new Formed(new Snapshot(total.value(), ytd, total.version(), total.fromMonths()), contributing,
                    missing);
        }

        private Formed weighted(Rule r, Period period, int depth) {
            Rule num = rules.get(r.numeratorCode());
            Rule den = rules.get(r.denominatorCode());
            if (num == null || den == null || depth > 2) {
                return Formed.empty();
            }
            Formed n = formed(num, period, depth + 1);
            Formed d = formed(den, period, depth + 1);
            BigDecimal value = ratio(n.snapshot().value(), d.snapshot().value(), r.percent());
            BigDecimal ytd = r.nature().summable()
                    ? ratio(n.snapshot().yearToDate(), d.snapshot().yearToDate(), r.percent()) : value;
            TreeSet<String> contributing = new TreeSet<>(n.contributing());
            contributing.retainAll(d.contributing());
            TreeSet<String> missing = new TreeSet<>(n.missing());
            missing.addAll(d.missing());
            TreeSet<String> onlyOne = new TreeSet<>(n.contributing());
            onlyOne.addAll(d.contributing());
            onlyOne.removeAll(contributing);
            missing.addAll(onlyOne);
            FigureVersion version = lower(n.snapshot().version(), d.snapshot().version());
            return new Formed(new Snapshot(value, ytd, value == null ? null : version,
                    n.snapshot().fromMonths() || d.snapshot().fromMonths()), contributing, missing);
        }
    }

    private record FormedKey(String code, Period period, int depth) {
    }

    private record SpanKey(String code, LocalDate from, LocalDate to) {
    }

    /** The wards and communes under the city that report the indicator and existed during some part of the span. */
    public List<String> expectedUnits(Rule rule, LocalDate from, LocalDate to) {
        List<String> expected = new ArrayList<>();
        for (Unit u : reportingUnits(rule)) {
            if (u.validDuring(from, to)) {
                expected.add(u.code());
            }
        }
        return expected;
    }

    /** The wards and communes under the city that report the indicator (active, or closed with an end date), by code. */
    private List<Unit> reportingUnits(Rule rule) {
        List<Unit> reporting = new ArrayList<>();
        for (Unit u : units.values()) {
            if (u.reportsUpward() && underCity(u) && (u.active() || u.validTo() != null)
                    && rule.reportedBy(u.code())) {
                reporting.add(u);
            }
        }
        reporting.sort(Comparator.comparing(Unit::code));
        return reporting;
    }

    private static BigDecimal ratio(BigDecimal num, BigDecimal den, boolean percent) {
        if (num == null || den == null || den.signum() == 0) {
            return null;
        }
        BigDecimal r = num.multiply(percent ? HUNDRED : BigDecimal.ONE).divide(den, 6, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    private static FigureVersion lower(FigureVersion a, FigureVersion b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.grade() <= b.grade() ? a : b;
    }

    private boolean underCity(Unit u) {
        Unit current = u;
        for (int hops = 0; hops < 10 && current != null; hops++) {
            if ("CITY".equals(current.kind())) {
                return true;
            }
            current = current.parentCode() == null ? null : units.get(current.parentCode());
        }
        return false;
    }

    private static Map<String, Series> seriesByUnit(List<FigurePoint> points, Instant asOf) {
        Map<String, List<FigurePoint>> grouped = new HashMap<>();
        for (FigurePoint p : points) {
            grouped.computeIfAbsent(p.unitCode(), k -> new ArrayList<>()).add(p);
        }
        Map<String, Series> out = new HashMap<>();
        grouped.forEach((unit, list) -> out.put(unit, Series.asOf(list, asOf)));
        return out;
    }
}
