package vn.city.task.task;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A directive task (nhiệm vụ) assigned to a lead unit, followed until the assigner accepts its completion. */
@Entity
@Table(name = "task")
public class Task extends PanacheEntityBase {

    @Id
    public UUID id;

    public String title;
    public String content;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_kind")
    public SourceKind sourceKind;
    @Column(name = "source_meeting_id")
    public String sourceMeetingId;
    @Column(name = "source_conclusion_version")
    public Integer sourceConclusionVersion;
    @Column(name = "source_directive_id")
    public String sourceDirectiveId;
    @Column(name = "source_document_number")
    public String sourceDocumentNumber;
    @Column(name = "source_document_date")
    public LocalDate sourceDocumentDate;
    @Column(name = "source_ref")
    public String sourceRef;

    @Column(name = "lead_unit")
    public String leadUnit;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "coordinating_units", columnDefinition = "text[]")
    public String[] coordinatingUnits = new String[0];
    public LocalDate deadline;
    public boolean ongoing;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "indicator_codes", columnDefinition = "text[]")
    public String[] indicatorCodes = new String[0];
    public String period;

    @Enumerated(EnumType.STRING)
    public TaskStatus status;
    @Column(name = "assigned_by")
    public String assignedBy;
    @Column(name = "assigned_at")
    public Instant assignedAt;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "submitted_by")
    public String submittedBy;
    public String result;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "completed_on_time")
    public Boolean completedOnTime;
    @Column(name = "progress_percent")
    public int progressPercent;

    @Version
    public Long version;
}
