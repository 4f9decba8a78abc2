package vn.city.task.conclusion.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.task.conclusion.ConclusionApplied;

/** Which version of each meeting's conclusion has been turned into tasks. */
@ApplicationScoped
public class ConclusionAppliedRepository {

    public Uni<ConclusionApplied> find(String meetingId) {
        return ConclusionApplied.findById(meetingId);
    }
}
