package vn.city.indicator.reporting.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.period.Period;
import vn.city.indicator.cache.CatalogueCache;
import vn.city.indicator.catalogue.Indicator;
import vn.city.indicator.reporting.Completeness;
import vn.city.indicator.reporting.ReportingCalendar;
import vn.city.indicator.result.repository.ResultRepository;
import vn.city.indicator.unit.OrgUnit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which units have not yet reported which indicators for a period, as known at an instant: expected = each active
 * indicator × each of its reporting units that existed in the period. Read by the API and by the deadline metrics.
 */
@ApplicationScoped
public class ReportingCompleteness {

    private final CatalogueCache catalogue;
    private final ResultRepository reports;
    private final ReportingCalendar calendar;

    public ReportingCompleteness(CatalogueCache catalogue, ResultRepository reports, ReportingCalendar calendar) {
        this.catalogue = catalogue;
        this.reports = reports;
        this.calendar = calendar;
    }

    @WithSession
    public Uni<Completeness> of(Period period, Instant asOf) {
        return catalogue.snapshot().chain(cat -> reports.reported(period, asOf).map(rows -> {
                    List<Indicator> indicators = cat.indicators().values().stream().filter(i -> i.active)
                            .sorted(Comparator.comparing((Indicator i) -> i.code)).toList();
                    Map<String, OrgUnit> byCode = cat.units();
                    Set<String> done = new HashSet<>();
                    rows.forEach(r -> done.add(r[0] + "|" + r[1]));
                    Map<String, List<String>> missing = new TreeMap<>();
                    int expected = 0;
                    int reported = 0;
                    for (Indicator ind : indicators) {
                        for (String code : ind.reportingUnitList()) {
                            OrgUnit u = byCode.get(code);
                            if (u == null || !u.validDuring(period.startDate(), period.endDate())) {
                                continue;
                            }
                            expected++;
                            if (done.contains(ind.code + "|" + code)) {
                                reported++;
                            } else {
                                missing.computeIfAbsent(code, k -> new ArrayList<>()).add(ind.code);
                            }
                        }
                    }
                    List<Completeness.MissingUnit> list = missing.entrySet().stream()
                            .map(e -> new Completeness.MissingUnit(e.getKey(), byCode.get(e.getKey()).name, e.getValue()))
                            .toList();
                    return new Completeness(period.toString(), asOf, null, expected, reported, list);
                })).chain(c -> calendar.rules().map(r -> new Completeness(c.period(), c.asOf(),
                        r.window(period).deadline(), c.expected(), c.reported(), c.missing())));
    }
}
