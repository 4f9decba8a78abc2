package vn.city.indicator.result.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.period.Period;
import vn.city.indicator.result.FigurePoint;
import vn.city.indicator.result.FigureVersion;
import vn.city.indicator.result.Numbers;
import vn.city.indicator.result.TargetPoint;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The queries of the results: figures and targets read as the computation needs them. */
@ApplicationScoped
public class ResultRepository {

    /** Every figure of the indicators in the years, by indicator code. */
    public Uni<Map<String, List<FigurePoint>>> points(List<String> indicatorCodes, List<Integer> years) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select indicator_code, unit_code, period, version, value, year_to_date, submitted_at
                        from figure_submission where indicator_code in (?1) and period_year in (?2)""", Object[].class)
                .setParameter(1, indicatorCodes).setParameter(2, years).getResultList())
                .map(rows -> {
                    Map<String, List<FigurePoint>> out = new HashMap<>();
                    Map<String, Period> periods = new HashMap<>();
                    for (Object[] r : rows) {
                        out.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(new FigurePoint((String) r[1],
                                periods.computeIfAbsent((String) r[2], Period::parse), FigureVersion.valueOf((String) r[3]),
                                Numbers.normal((BigDecimal) r[4]), Numbers.normal((BigDecimal) r[5]), instant(r[6])));
                    }
                    return out;
                });
    }

    /** The targets of an indicator and year, newest revision first. */
    public Uni<List<TargetPoint>> targets(String indicatorCode, int year) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select unit_code, value, revision, set_at from target where indicator_code = ?1 and year = ?2
                        order by revision desc""", Object[].class)
                .setParameter(1, indicatorCode).setParameter(2, year).getResultList())
                .map(rows -> rows.stream().map(r -> new TargetPoint((String) r[0], (BigDecimal) r[1],
                        ((Number) r[2]).intValue(), instant(r[3]))).toList());
    }

    /** The (indicator, unit) pairs that have a figure of the period submitted by {@code asOf}. */
    public Uni<List<String[]>> reported(Period period, Instant asOf) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select distinct indicator_code, unit_code from figure_submission
                        where period = ?1 and submitted_at <= ?2""", Object[].class)
                .setParameter(1, period.toString()).setParameter(2, OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC))
                .getResultList())
                .map(rows -> rows.stream().map(r -> new String[]{(String) r[0], (String) r[1]}).toList());
    }

    private static Instant instant(Object o) {
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (o instanceof java.time.LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a timestamp: " + o);
    }
}
