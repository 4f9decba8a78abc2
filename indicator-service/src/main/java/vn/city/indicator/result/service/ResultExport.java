package vn.city.indicator.result.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.indicator.catalogue.Indicator;
import vn.city.indicator.result.repository.ResultRepository;
import vn.city.indicator.csv.Csv;
import vn.city.common.period.Period;
import vn.city.indicator.result.Result;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The results of a period as CSV: one row per indicator and reporting unit, then the city's. */
@ApplicationScoped
public class ResultExport {

    static final List<String> HEADER = List.of("indicatorCode", "indicatorName", "measureUnit", "unitCode", "period",
            "value", "yearToDate", "target", "attainmentPercent", "expectedPercent", "samePeriodLastYear", "change",
            "changeKind", "status", "currentVersion");

    private final ResultService results;
    private final ResultRepository repository;

    public ResultExport(ResultService results, ResultRepository repository) {
        this.results = results;
        this.repository = repository;
    }

    @WithSession
    public Uni<String> csv(Period period, Instant asOf) {
        return repository.reported(period, asOf).chain(rows -> {
            Map<String, TreeSet<String>> unitsByIndicator = new TreeMap<>();
            rows.forEach(r -> unitsByIndicator.computeIfAbsent(r[0], k -> new TreeSet<>()).add(r[1]));
            return Indicator.<Indicator>list("code in ?1", new ArrayList<>(unitsByIndicator.keySet().isEmpty()
                    ? List.of("") : unitsByIndicator.keySet())).chain(indicators -> {
                StringBuilder out = new StringBuilder(Csv.line(HEADER));
                Uni<StringBuilder> chain = Uni.createFrom().item(out);
                for (Indicator ind : indicators.stream().sorted((a, b) -> a.code.compareTo(b.code)).toList()) {
                    chain = chain.chain(sb -> results.facts(ind, period).map(facts -> {
                        for (String unit : unitsByIndicator.get(ind.code)) {
                            if (!ResultService.CITY.equals(unit)) {
                                append(sb, ind, results.unitResult(facts, unit, period, asOf));
                            }
                        }
                        vn.city.indicator.result.CityAggregation.CityResult formed =
                                results.cityResult(facts, period, asOf);
                        Result city = formed == null ? null : formed.result();
                        if (city == null && unitsByIndicator.get(ind.code).contains(ResultService.CITY)) {
                            city = results.unitResult(facts, ResultService.CITY, period, asOf);
                        }
                        return city == null ? sb : append(sb, ind, city);
                    }));
                }
                return chain.map(StringBuilder::toString);
            });
        });
    }

    private static StringBuilder append(StringBuilder sb, Indicator ind, Result r) {
        return sb.append(Csv.line(List.of(ind.code, ind.name, ind.measureUnit, r.unitCode(), r.period(),
                s(r.value()), s(r.yearToDate()), s(r.target()), s(r.attainmentPercent()), s(r.expectedPercent()),
                s(r.samePeriodLastYear()), s(r.change()), s(r.changeKind()), s(r.status()), s(r.currentVersion()))));
    }

    private static String s(Object o) {
        if (o instanceof java.math.BigDecimal b) {
            return b.toPlainString();
        }
        return o == null ? "" : o.toString();
    }
}
