package vn.city.meeting.readmodel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The latest snapshot of a task (by event time), from any task event. */
@Entity
@Table(name = "task_view")
public class TaskView extends PanacheEntityBase {
    @Id
    @Column(name = "task_id")
    public UUID taskId;
    public String title;
    @Column(name = "lead_unit")
    public String leadUnit;
    public String status;
    /** Units that coordinate the task: an officer of one of them sees it, as in task-service. */
    @Column(name = "coordinating_units", columnDefinition = "text[]")
    public String[] coordinatingUnits = new String[0];
    public String period;
    public LocalDate deadline;
    public boolean ongoing;
    public boolean overdue;
    @Column(name = "completed_at")
    public OffsetDateTime completedAt;
    @Column(name = "completed_on_time")
    public Boolean completedOnTime;
    @Column(name = "assigned_at")
    public OffsetDateTime assignedAt;
    @Column(name = "source_kind")
    public String sourceKind;
    @Column(name = "source_meeting_id")
    public UUID sourceMeetingId;
    @Column(name = "event_time")
    public OffsetDateTime eventTime;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
    public String snapshot;

    public boolean isFinished() {
        return "DONE".equals(status) || "CANCELLED".equals(status);
    }
}
