package vn.city.indicator.result;

import vn.city.common.period.Period;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The current figure of each period for one unit, as known at an instant: among the submissions made up to then,
 * the newest of the highest grade (official, then preliminary, then estimate).
 */
public final class Series {

    /** By {@link #key} of the period: the year-to-date rules look periods up many times per result. */
    private final Map<Integer, FigurePoint> current;

    private Series(Map<Integer, FigurePoint> current) {
        this.current = current;
    }

    public static Series asOf(Collection<FigurePoint> submissions, Instant asOf) {
        Map<Integer, FigurePoint> current = new HashMap<>();
        for (FigurePoint p : submissions) {
            if (asOf != null && p.submittedAt().isAfter(asOf)) {
                continue;
            }
            current.merge(key(p.period()), p, (a, b) -> FigurePoint.PRECEDENCE.compare(a, b) >= 0 ? a : b);
        }
        return new Series(current);
    }

    public Optional<FigurePoint> at(Period period) {
        return Optional.ofNullable(current.get(key(period)));
    }

    /** One number per period (year, kind, index within the year), cheaper to hash than the period itself. */
    private static int key(Period period) {
        return (period.year() << 8) | (period.kind().ordinal() << 4) | period.index();
    }

    public Collection<FigurePoint> figures() {
        return current.values();
    }

    public boolean isEmpty() {
        return current.isEmpty();
    }
}
