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

    private final Map<Period, FigurePoint> current;

    private Series(Map<Period, FigurePoint> current) {
        this.current = current;
    }

    public static Series asOf(Collection<FigurePoint> submissions, Instant asOf) {
        Map<Period, FigurePoint> current = new HashMap<>();
        for (FigurePoint p : submissions) {
            if (asOf != null && p.submittedAt().isAfter(asOf)) {
                continue;
            }
            current.merge(p.period(), p, (a, b) -> FigurePoint.PRECEDENCE.compare(a, b) >= 0 ? a : b);
        }
        return new Series(current);
    }

    public Optional<FigurePoint> at(Period period) {
        return Optional.ofNullable(current.get(period));
    }

    public Collection<FigurePoint> figures() {
        return current.values();
    }

    public boolean isEmpty() {
        return current.isEmpty();
    }
}
