package vn.city.task.task;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A unit's report on how far a task has got. */
@Entity
@Table(name = "task_progress")
public class ProgressReport extends PanacheEntityBase {

    @Id
    public UUID id;
    /** Insertion order, filled by the database. */
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "task_id")
    public UUID taskId;
    @Column(name = "unit_code")
    public String unitCode;
    public int percent;
    public String text;
    @Column(name = "reported_by")
    public String reportedBy;
    @Column(name = "reported_at")
    public Instant reportedAt;
}
