package vn.city.indicator.unit.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.outbox.Outbox;
import vn.city.common.problem.ProblemException;
import vn.city.indicator.EventNames;
import vn.city.indicator.unit.Lineage;
import vn.city.indicator.unit.OrgUnit;
import vn.city.indicator.unit.UnitSuccession;
import vn.city.indicator.unit.UnitView;
import vn.city.indicator.unit.SuccessionCommand;
import vn.city.indicator.unit.UnitDefinition;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@ApplicationScoped
public class UnitService {

    private final Outbox outbox;
    private final Clock clock;

    public UnitService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<UnitView>> list() {
        return UnitSuccession.<UnitSuccession>listAll().chain(successions -> OrgUnit.<OrgUnit>list("order by code")
                .map(units -> units.stream().map(u -> view(u, successions)).toList()));
    }

    @WithSession
    public Uni<UnitView> get(String code) {
        return require(code).chain(this::view);
    }

    @WithTransaction
    public Uni<UnitView> create(UnitDefinition request) {
        if (request.code() == null) {
            throw ProblemException.invalid("code", "required", "a unit code is required");
        }
        return OrgUnit.<OrgUnit>findById(request.code()).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("unit-exists", "unit '" + request.code() + "' already exists");
            }
            OrgUnit unit = new OrgUnit();
            unit.code = request.code();
            return apply(unit, request).chain(u -> u.<OrgUnit>persist()).chain(this::announce);
        });
    }

    @WithTransaction
    public Uni<UnitView> update(String code, UnitDefinition request) {
        return require(code).chain(unit -> apply(unit, request)).chain(this::announce);
    }

    /** Records that the unit in the path is continued by a successor; the predecessor ends the day before. */
    @WithTransaction
    public Uni<UnitView> recordSuccession(String code, SuccessionCommand request, String by) {
        if (code.equals(request.successorCode())) {
            throw ProblemException.invalid("successorCode", "different-unit", "a unit cannot succeed itself");
        }
        return require(code).chain(predecessor -> OrgUnit.<OrgUnit>findById(request.successorCode())
                .chain(successor -> {
                    if (successor == null) {
                        throw ProblemException.invalid("successorCode", "unknown-unit",
                                "unit '" + request.successorCode() + "' does not exist");
                    }
                    if (!request.effectiveDate().isAfter(predecessor.validFrom)) {
                        throw ProblemException.invalid("effectiveDate", "after-valid-from",
                                "the succession must take effect after the predecessor began");
                    }
                    return UnitSuccession.<UnitSuccession>listAll().chain(all -> {
                        if (lineage(successor.code, all).unitCodes().contains(code)) {
                            return Uni.createFrom().failure(ProblemException.conflict("succession-exists",
                                    "'" + code + "' already precedes '" + successor.code + "'"));
                        }
                        if (lineage(code, all).unitCodes().contains(successor.code)) {
                            return Uni.createFrom().failure(ProblemException.conflict("succession-cycle",
                                    "'" + successor.code + "' already precedes '" + code + "'"));
                        }
                        UnitSuccession s = new UnitSuccession();
                        s.predecessorCode = code;
                        s.successorCode = successor.code;
                        s.kind = request.kind();
                        s.effectiveDate = request.effectiveDate();
                        s.note = request.note();
                        s.recordedBy = by;
                        s.recordedAt = now();
                        LocalDate end = request.effectiveDate().minusDays(1);
                        if (predecessor.validTo == null || predecessor.validTo.isAfter(end)) {
                            predecessor.validTo = end;
                        }
                        predecessor.active = !end.isBefore(java.time.LocalDate.now(clock));
                        predecessor.updatedAt = now();
                        return s.persist().chain(() -> announce(successor)).chain(() -> announce(predecessor));
                    });
                }));
    }

    /** The unit and, recursively, every unit it continues. */
    public static Lineage lineage(String unitCode, List<UnitSuccession> all) {
        List<Lineage.Predecessor> preds = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add(unitCode);
        Deque<String> todo = new ArrayDeque<>();
        todo.add(unitCode);
        while (!todo.isEmpty()) {
            String current = todo.poll();
            for (UnitSuccession s : all) {
                if (s.successorCode.equals(current) && seen.add(s.predecessorCode)) {
                    preds.add(new Lineage.Predecessor(s.predecessorCode, s.effectiveDate));
                    todo.add(s.predecessorCode);
                }
            }
        }
        return new Lineage(unitCode, preds);
    }

    private Uni<OrgUnit> apply(OrgUnit unit, UnitDefinition request) {
        if (request.validTo() != null && request.validTo().isBefore(request.validFrom())) {
            throw ProblemException.invalid("validTo", "after-valid-from", "validTo must not precede validFrom");
        }
        unit.name = request.name();
        unit.kind = request.kind();
        unit.active = request.active() == null || request.active();
        unit.validFrom = request.validFrom();
        unit.validTo = request.validTo();
        unit.updatedAt = now();
        if (request.parentCode() == null) {
            unit.parentCode = null;
            return Uni.createFrom().item(unit);
        }
        if (request.parentCode().equals(unit.code)) {
            throw ProblemException.invalid("parentCode", "not-self", "a unit cannot be its own parent");
        }
        return OrgUnit.<OrgUnit>findById(request.parentCode()).map(parent -> {
            if (parent == null) {
                throw ProblemException.invalid("parentCode", "unknown-unit",
                        "unit '" + request.parentCode() + "' does not exist");
            }
            unit.parentCode = parent.code;
            return unit;
        });
    }

    private Uni<UnitView> announce(OrgUnit unit) {
        return view(unit).call(v -> outbox.append(EventNames.UNIT_CHANGED, v.code(), v));
    }

    private Uni<UnitView> view(OrgUnit unit) {
        return UnitSuccession.<UnitSuccession>list("predecessorCode = ?1 or successorCode = ?1", unit.code)
                .map(s -> view(unit, s));
    }

    private static UnitView view(OrgUnit u, List<UnitSuccession> successions) {
        List<String> preds = successions.stream().filter(s -> s.successorCode.equals(u.code))
                .map(s -> s.predecessorCode).sorted().toList();
        List<String> succs = successions.stream().filter(s -> s.predecessorCode.equals(u.code))
                .map(s -> s.successorCode).sorted().toList();
        return new UnitView(u.code, u.name, u.kind, u.parentCode, u.active, u.validFrom, u.validTo, preds, succs);
    }

    private Uni<OrgUnit> require(String code) {
        return OrgUnit.<OrgUnit>findById(code).map(u -> {
            if (u == null) {
                throw ProblemException.notFound("unit", code);
            }
            return u;
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
