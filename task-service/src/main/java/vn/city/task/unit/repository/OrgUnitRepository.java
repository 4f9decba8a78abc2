package vn.city.task.unit.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.task.unit.OrgUnit;

import java.util.Collection;
import java.util.List;

/** The units task-service knows from indicator-service's unit-changed events. */
@ApplicationScoped
public class OrgUnitRepository {

    public Uni<OrgUnit> find(String code) {
        return OrgUnit.findById(code);
    }

    public Uni<List<OrgUnit>> active(Collection<String> codes) {
        return OrgUnit.list("code in ?1 and active = true", codes);
    }
}
