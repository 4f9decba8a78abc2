package vn.city.task.task;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One entry of a task's deadline history. */
@Entity
@Table(name = "task_deadline")
public class DeadlineChange extends PanacheEntityBase {

    public enum Kind { INITIAL, EXTENSION, CORRECTION }

    @Id
    public UUID id;
    /** Insertion order, filled by the database. */
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "task_id")
    public UUID taskId;
    public LocalDate deadline;
    public boolean ongoing;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String reason;
    @Column(name = "set_by")
    public String setBy;
    @Column(name = "set_at")
    public Instant setAt;
}
