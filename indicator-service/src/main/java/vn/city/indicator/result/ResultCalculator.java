package vn.city.indicator.result;

import vn.city.indicator.catalogue.Nature;
import vn.city.indicator.catalogue.Direction;
import vn.city.indicator.catalogue.ChangeKind;
import vn.city.indicator.unit.Lineage;

import vn.city.common.period.Period;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Puts the rules together: the current figures as of an instant, year to date, the same period last year, attainment. */
public final class ResultCalculator {

    private final Nature nature;
    private final Direction direction;
    private final ChangeKind changeKind;
    private final BigDecimal marginPoints;

    public ResultCalculator(Nature nature, Direction direction, BigDecimal marginPoints) {
        this(nature, direction, nature.summable() ? ChangeKind.PERCENT : ChangeKind.POINTS, marginPoints);
    }

    public ResultCalculator(Nature nature, Direction direction, ChangeKind changeKind, BigDecimal marginPoints) {
        this.nature = nature;
        this.direction = direction;
        this.changeKind = changeKind;
        this.marginPoints = marginPoints;
    }

    /** Judges a snapshot of the period and of the same period last year against the target. */
    public Result judge(String label, Period period, Snapshot now, Snapshot lastYear, BigDecimal target) {
        return Attainment.judge(label, period, nature, direction, changeKind, now, lastYear, target, marginPoints);
    }

    /** A unit's result, its predecessors' history included for the periods before each succession. */
    public Result forUnit(Lineage lineage, Period period, Collection<FigurePoint> submissions, Instant asOf,
                          BigDecimal target) {
        List<List<FigurePoint>> parts = new ArrayList<>();
        parts.add(submissions.stream().filter(p -> p.unitCode().equals(lineage.unitCode())).toList());
        for (Lineage.Predecessor pred : lineage.predecessors()) {
            parts.add(submissions.stream()
                    .filter(p -> p.unitCode().equals(pred.unitCode()))
                    .filter(p -> p.period().endDate().isBefore(pred.effectiveDate()))
                    .toList());
        }
        return judge(lineage.unitCode(), period, parts, asOf, target);
    }

    /** The sum over units of a summable indicator (each unit's own figures counted once). */
    public Result total(String label, Period period, Collection<FigurePoint> submissions, Instant asOf,
                        BigDecimal target) {
        Map<String, List<FigurePoint>> byUnit = submissions.stream()
                .collect(Collectors.groupingBy(FigurePoint::unitCode, TreeMap::new, Collectors.toList()));
        return judge(label, period, new ArrayList<>(byUnit.values()), asOf, target);
    }

    private Result judge(String label, Period period, List<List<FigurePoint>> parts, Instant asOf, BigDecimal target) {
        List<Snapshot> now = new ArrayList<>();
        List<Snapshot> lastYear = new ArrayList<>();
        for (List<FigurePoint> part : parts) {
            Series series = Series.asOf(part, asOf);
            now.add(Snapshot.of(nature, series, period));
            lastYear.add(Snapshot.of(nature, series, period.previousYear()));
        }
        return judge(label, period, Snapshot.combine(nature, now), Snapshot.combine(nature, lastYear), target);
    }
}
