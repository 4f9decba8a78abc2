package vn.city.task.unit;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.event.MalformedEventException;
import vn.city.common.problem.Problem;
import vn.city.common.problem.ProblemException;
import vn.city.task.time.TaskTime;
import vn.city.task.unit.repository.OrgUnitRepository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The units tasks may be assigned to: those indicator-service announced and that are active. */
@ApplicationScoped
public class UnitDirectory {

    private final TaskTime time;

    private final OrgUnitRepository units;

    public UnitDirectory(TaskTime time, OrgUnitRepository units) {
        this.units = units;
        this.time = time;
    }

    /** Applies a {@code unit-changed} event (inside the consumer's transaction). */
    public Uni<Void> apply(UnitChanged changed) {
        if (changed.code() == null || changed.code().isBlank()) {
            throw new MalformedEventException("unit-changed without code");
        }
        return units.find(changed.code()).chain(existing -> {
            OrgUnit unit = existing != null ? existing : new OrgUnit();
            unit.code = changed.code();
            unit.name = changed.name() == null ? changed.code() : changed.name();
            unit.kind = changed.kind();
            unit.parentCode = changed.parentCode();
            unit.active = changed.active() == null || changed.active();
            unit.validFrom = changed.validFrom();
            unit.validTo = changed.validTo();
            unit.updatedAt = time.now();
            return existing != null ? Uni.createFrom().voidItem() : unit.persist().replaceWithVoid();
        });
    }

    /**
     * Fails with 422 naming each unknown or inactive unit. {@code fields} pairs each code with the request field
     * it came from.
     */
    public Uni<Void> requireKnown(List<UnitRef> refs) {
        Set<String> codes = refs.stream().map(UnitRef::code).collect(Collectors.toSet());
        if (codes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return units.active(codes).map(found -> {
            Set<String> known = found.stream().map(u -> u.code).collect(Collectors.toSet());
            List<Problem.FieldViolation> violations = new ArrayList<>();
            for (UnitRef ref : refs) {
                if (!known.contains(ref.code())) {
                    violations.add(new Problem.FieldViolation(ref.field(), "known-unit",
                            "unit '" + ref.code() + "' is not a known active unit"));
                }
            }
            if (!violations.isEmpty()) {
                throw ProblemException.invalid(violations);
            }
            return null;
        }).replaceWithVoid();
    }

    @WithSession
    public Uni<Boolean> isKnown(String code) {
        return units.find(code).map(u -> u != null && u.active);
    }

    public static List<UnitRef> refs(String leadUnit, Collection<String> coordinating) {
        List<UnitRef> refs = new ArrayList<>();
        refs.add(new UnitRef("leadUnit", leadUnit));
        int i = 0;
        for (String c : coordinating) {
            refs.add(new UnitRef("coordinatingUnits[" + i++ + "]", c));
        }
        return refs;
    }

    public record UnitRef(String field, String code) {
    }
}
