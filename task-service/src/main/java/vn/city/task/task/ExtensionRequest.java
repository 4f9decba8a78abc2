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

/** The lead unit's request for a new deadline, and a leader's decision on it. */
@Entity
@Table(name = "extension_request")
public class ExtensionRequest extends PanacheEntityBase {

    public enum Status { PENDING, GRANTED, REFUSED }

    @Id
    public UUID id;
    /** Insertion order, filled by the database. */
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "task_id")
    public UUID taskId;
    @Column(name = "current_deadline")
    public LocalDate currentDeadline;
    @Column(name = "requested_deadline")
    public LocalDate requestedDeadline;
    public String reason;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decision_note")
    public String decisionNote;
}
