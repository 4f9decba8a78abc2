package vn.city.task.conclusion;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The newest version of a meeting's conclusion that its tasks reflect. */
@Entity
@Table(name = "conclusion_applied")
public class ConclusionApplied extends PanacheEntityBase {

    @Id
    @Column(name = "meeting_id")
    public String meetingId;
    @Column(name = "conclusion_id")
    public String conclusionId;
    public int version;
    @Column(name = "applied_at")
    public Instant appliedAt;
}
