package vn.city.task.task;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One step of a task's history: who moved it from which status to which, and why. */
@Entity
@Table(name = "task_transition")
public class TaskTransition extends PanacheEntityBase {

    @Id
    public UUID id;
    /** Insertion order, filled by the database. */
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "task_id")
    public UUID taskId;
    /** A lifecycle action, or ASSIGN / UPDATE for what the source did. */
    public String action;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public TaskStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public TaskStatus toStatus;
    public String note;
    public String actor;
    public Instant at;
}
