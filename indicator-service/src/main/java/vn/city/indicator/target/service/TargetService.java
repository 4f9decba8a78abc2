package vn.city.indicator.target.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.outbox.Outbox;
import vn.city.common.problem.Problem;
import vn.city.common.problem.ProblemException;
import vn.city.indicator.catalogue.Indicator;
import vn.city.indicator.EventNames;
import vn.city.indicator.result.event.CityResultChanged;
import vn.city.indicator.target.event.TargetSet;
import vn.city.indicator.result.service.CityResultPublisher;
import vn.city.indicator.result.service.ResultService;
import vn.city.indicator.figure.ValueRules;
import vn.city.indicator.figure.VietnameseNumber;
import vn.city.indicator.target.Target;
import vn.city.indicator.target.TargetView;
import vn.city.indicator.target.TargetDefinition;
import vn.city.indicator.unit.OrgUnit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

@ApplicationScoped
public class TargetService {

    private final Outbox outbox;
    private final Clock clock;
    private final ResultService results;
    private final CityResultPublisher cityResults;

    public TargetService(Outbox outbox, Clock clock, ResultService results, CityResultPublisher cityResults) {
        this.outbox = outbox;
        this.clock = clock;
        this.results = results;
        this.cityResults = cityResults;
    }

    /** Sets a target or revises it: a new revision; the earlier ones stay as history. */
    @WithTransaction
    public Uni<TargetView> set(TargetDefinition r, String by) {
        List<Problem.FieldViolation> errors = new ArrayList<>();
        BigDecimal raw = r.value();
        if (raw == null && r.valueText() == null) {
            errors.add(new Problem.FieldViolation("value", "required", "give value or valueText"));
        } else if (raw != null && r.valueText() != null) {
            errors.add(new Problem.FieldViolation("valueText", "one-of", "give value or valueText, not both"));
        } else if (raw == null) {
            try {
                raw = VietnameseNumber.parse(r.valueText());
            } catch (IllegalArgumentException e) {
                String msg = e.getMessage();
                int colon = msg.indexOf(':');
                errors.add(new Problem.FieldViolation("valueText", msg.substring(0, colon), msg.substring(colon + 2)));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        BigDecimal given = raw;
        return Indicator.<Indicator>findById(r.indicatorCode()).chain(ind -> {
            if (ind == null) {
                throw ProblemException.invalid("indicatorCode", "unknown-indicator",
                        "indicator '" + r.indicatorCode() + "' does not exist");
            }
            BigDecimal value = ValueRules.check(r.valueText() != null ? "valueText" : "value", given,
                    ind.allowNegative, ind.isPercent(), errors);
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            Uni<OrgUnit> unit = r.unitCode() == null ? Uni.createFrom().nullItem() : OrgUnit.findById(r.unitCode());
            return unit.chain(u -> {
                if (r.unitCode() != null && u == null) {
                    throw ProblemException.invalid("unitCode", "unknown-unit", "unit '" + r.unitCode() + "' does not exist");
                }
                return history(r.indicatorCode(), r.year(), r.unitCode());
            }).chain(history -> {
                Target t = new Target();
                t.indicatorCode = ind.code;
                t.year = r.year();
                t.unitCode = r.unitCode();
                t.value = value;
                t.kind = r.kind();
                t.documentNumber = r.documentNumber();
                t.documentDate = r.documentDate();
                t.note = r.note();
                t.revision = history.stream().mapToInt(x -> x.revision).max().orElse(0) + 1;
                t.setBy = by;
                t.setAt = OffsetDateTime.ofInstant(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS), ZoneOffset.UTC);
                return t.<Target>persist();
            }).call(t -> outbox.append(EventNames.TARGET_SET, t.indicatorCode, new TargetSet(t.indicatorCode,
                    t.year, t.unitCode, t.value, t.kind, t.documentNumber, t.documentDate, t.revision)))
                    .call(t -> t.unitCode != null ? Uni.createFrom().voidItem() : rejudge(ind, t))
                    .map(TargetView::of);
        });
    }

    /** A city target set or revised re-judges every city result of its year announced so far. */
    private Uni<Void> rejudge(Indicator ind, Target t) {
        return CityResultPublisher.lock(ind.code, t.year)
                .chain(() -> CityResultPublisher.announced(ind.code, t.year))
                .chain(periods -> periods.isEmpty() ? Uni.createFrom().voidItem()
                        : results.facts(ind, periods.get(0)).chain(facts -> cityResults.publish(facts, periods,
                                t.setAt.toInstant(), CityResultChanged.Cause.TARGET)));
    }

    @WithSession
    public Uni<List<TargetView>> current(String indicatorCode, Integer year) {
        StringBuilder q = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (indicatorCode != null) {
            params.add(indicatorCode);
            q.append(" and indicatorCode = ?").append(params.size());
        }
        if (year != null) {
            params.add(year);
            q.append(" and year = ?").append(params.size());
        }
        return Target.<Target>list(q + " order by indicatorCode, year, unitCode, revision desc", params.toArray())
                .map(all -> {
                    List<TargetView> out = new ArrayList<>();
                    Target previous = null;
                    for (Target t : all) {
                        if (previous == null || !previous.indicatorCode.equals(t.indicatorCode)
                                || previous.year != t.year || !Objects.equals(previous.unitCode, t.unitCode)) {
                            out.add(TargetView.of(t));
                        }
                        previous = t;
                    }
                    return out;
                });
    }

    @WithSession
    public Uni<List<TargetView>> revisions(String indicatorCode, int year, String unitCode) {
        return history(indicatorCode, year, unitCode)
                .map(all -> all.stream().sorted(Comparator.comparingInt(t -> t.revision)).map(TargetView::of).toList());
    }

    private Uni<List<Target>> history(String indicatorCode, int year, String unitCode) {
        return unitCode == null
                ? Target.list("indicatorCode = ?1 and year = ?2 and unitCode is null", indicatorCode, year)
                : Target.list("indicatorCode = ?1 and year = ?2 and unitCode = ?3", indicatorCode, year, unitCode);
    }
}
