package vn.city.indicator.result;

import vn.city.common.period.Period;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;

/** One submitted figure, as the computation needs it. {@code yearToDate} is the "lũy kế" when the unit stated it. */
public record FigurePoint(String unitCode, Period period, FigureVersion version, BigDecimal value,
                          BigDecimal yearToDate, Instant submittedAt) {

    /** Higher grade first wins; among equal grades the newest wins. */
    public static final Comparator<FigurePoint> PRECEDENCE = Comparator
            .comparingInt((FigurePoint p) -> p.version().grade())
            .thenComparing(FigurePoint::submittedAt);
}
