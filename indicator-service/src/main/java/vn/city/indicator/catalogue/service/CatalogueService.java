package vn.city.indicator.catalogue.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.outbox.Outbox;
import vn.city.common.problem.Problem;
import vn.city.common.problem.ProblemException;
import vn.city.indicator.catalogue.Indicator;
import vn.city.indicator.catalogue.IndicatorView;
import vn.city.indicator.catalogue.MeasureUnit;
import vn.city.indicator.catalogue.IndicatorDefinition;
import vn.city.indicator.catalogue.MeasureUnitView;
import vn.city.indicator.EventNames;
import vn.city.indicator.catalogue.event.IndicatorChanged;
import vn.city.indicator.catalogue.Aggregation;
import vn.city.indicator.catalogue.ChangeKind;
import vn.city.indicator.unit.OrgUnit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@ApplicationScoped
public class CatalogueService {

    private final Outbox outbox;
    private final Clock clock;

    public CatalogueService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<IndicatorView>> list(String category, String ownerUnit) {
        return Indicator.<Indicator>list("order by code").map(all -> all.stream()
                .filter(i -> category == null || category.equals(i.category))
                .filter(i -> ownerUnit == null || ownerUnit.equals(i.ownerUnit))
                .map(IndicatorView::of).toList());
    }

    @WithSession
    public Uni<IndicatorView> get(String code) {
        return Indicator.<Indicator>findById(code).map(i -> {
            if (i == null) {
                throw ProblemException.notFound("indicator", code);
            }
            return IndicatorView.of(i);
        });
    }

    @WithTransaction
    public Uni<IndicatorView> create(IndicatorDefinition request) {
        if (request.code() == null) {
            throw ProblemException.invalid("code", "required", "an indicator code is required");
        }
        return Indicator.<Indicator>findById(request.code()).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("indicator-exists", "indicator '" + request.code() + "' already exists");
            }
            Indicator i = new Indicator();
            i.code = request.code();
            return apply(i, request).chain(x -> x.<Indicator>persist()).chain(this::announce);
        });
    }

    @WithTransaction
    public Uni<IndicatorView> update(String code, IndicatorDefinition request) {
        return Indicator.<Indicator>findById(code).chain(i -> {
            if (i == null) {
                throw ProblemException.notFound("indicator", code);
            }
            return apply(i, request).chain(this::announce);
        });
    }

    @WithSession
    public Uni<List<MeasureUnitView>> measureUnits() {
        return MeasureUnit.<MeasureUnit>list("order by code")
                .map(all -> all.stream().map(m -> new MeasureUnitView(m.code, m.name)).toList());
    }

    @WithTransaction
    public Uni<MeasureUnitView> addMeasureUnit(MeasureUnitView request) {
        return MeasureUnit.<MeasureUnit>findById(request.code()).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("measure-unit-exists", "'" + request.code() + "' is already listed");
            }
            MeasureUnit m = new MeasureUnit();
            m.code = request.code();
            m.name = request.name();
            return m.persist().replaceWith(request);
        });
    }

    private Uni<Indicator> apply(Indicator i, IndicatorDefinition r) {
        List<String> reporting = r.reportingUnits() == null ? List.of() : r.reportingUnits();
        Set<String> units = new HashSet<>(reporting);
        units.add(r.ownerUnit());
        Aggregation aggregation = r.aggregation() == null ? Aggregation.OWNER_REPORTED : r.aggregation();
        Set<String> parts = new HashSet<>();
        parts.add("");
        if (r.numeratorCode() != null) {
            parts.add(r.numeratorCode());
        }
        if (r.denominatorCode() != null) {
            parts.add(r.denominatorCode());
        }
        return MeasureUnit.<MeasureUnit>findById(r.measureUnit())
                .chain(mu -> Indicator.<Indicator>list("code in ?1", parts).chain(partList -> OrgUnit.<OrgUnit>list("code in ?1", units).map(found -> {
                    List<Problem.FieldViolation> errors = new ArrayList<>();
                    weighted(i.code, aggregation, r, partList, errors);
                    if (mu == null) {
                        errors.add(new Problem.FieldViolation("measureUnit", "unknown-measure-unit",
                                "'" + r.measureUnit() + "' is not in the list of measure units"));
                    }
                    Set<String> known = new HashSet<>();
                    found.forEach(u -> known.add(u.code));
                    if (!known.contains(r.ownerUnit())) {
                        errors.add(new Problem.FieldViolation("ownerUnit", "unknown-unit",
                                "unit '" + r.ownerUnit() + "' does not exist"));
                    }
                    for (int n = 0; n < reporting.size(); n++) {
                        if (!known.contains(reporting.get(n))) {
                            errors.add(new Problem.FieldViolation("reportingUnits[" + n + "]", "unknown-unit",
                                    "unit '" + reporting.get(n) + "' does not exist"));
                        }
                    }
                    if (!errors.isEmpty()) {
                        throw ProblemException.invalid(errors);
                    }
                    i.name = r.name();
                    i.measureUnit = r.measureUnit();
                    i.nature = r.nature();
                    i.direction = r.direction();
                    i.ownerUnit = r.ownerUnit();
                    i.category = r.category();
                    i.active = r.active() == null || r.active();
                    i.allowNegative = r.allowNegative() != null && r.allowNegative();
                    i.reportingUnitList(reporting);
                    i.aggregation = aggregation;
                    i.numeratorCode = aggregation == Aggregation.WEIGHTED ? r.numeratorCode() : null;
                    i.denominatorCode = aggregation == Aggregation.WEIGHTED ? r.denominatorCode() : null;
                    i.changeKind = r.changeKind() != null ? r.changeKind()
                            : ChangeKind.defaultFor(r.nature(), MeasureUnit.PERCENT.equals(r.measureUnit()));
                    i.decimals = r.decimals() == null ? 2 : r.decimals();
                    i.updatedAt = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
                    return i;
                })));
    }

    /** A weighted rate names two other existing indicators that are not weighted themselves; others name none. */
    private static void weighted(String code, Aggregation aggregation, IndicatorDefinition r, List<Indicator> parts,
                                 List<Problem.FieldViolation> errors) {
        if (aggregation != Aggregation.WEIGHTED) {
            if (r.numeratorCode() != null || r.denominatorCode() != null) {
                errors.add(new Problem.FieldViolation(r.numeratorCode() != null ? "numeratorCode" : "denominatorCode",
                        "weighted-only", "a numerator and a denominator belong to a WEIGHTED indicator only"));
            }
            return;
        }
        for (String field : List.of("numeratorCode", "denominatorCode")) {
            String part = field.equals("numeratorCode") ? r.numeratorCode() : r.denominatorCode();
            Indicator found = parts.stream().filter(p -> p.code.equals(part)).findFirst().orElse(null);
            if (part == null) {
                errors.add(new Problem.FieldViolation(field, "required", "a WEIGHTED indicator needs " + field));
            } else if (part.equals(code)) {
                errors.add(new Problem.FieldViolation(field, "not-self", "an indicator cannot weigh itself"));
            } else if (found == null) {
                errors.add(new Problem.FieldViolation(field, "unknown-indicator",
                        "indicator '" + part + "' does not exist"));
            } else if (found.aggregation == Aggregation.WEIGHTED) {
                errors.add(new Problem.FieldViolation(field, "not-weighted",
                        "indicator '" + part + "' is itself a weighted rate; name its counts"));
            }
        }
    }

    private Uni<IndicatorView> announce(Indicator i) {
        return outbox.append(EventNames.INDICATOR_CHANGED, i.code, IndicatorChanged.of(i))
                .replaceWith(IndicatorView.of(i));
    }
}
