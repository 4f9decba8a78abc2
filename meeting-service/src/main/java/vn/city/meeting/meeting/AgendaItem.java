package vn.city.meeting.meeting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "agenda_item")
public class AgendaItem extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "meeting_id")
    public UUID meetingId;
    public int position;
    @Enumerated(EnumType.STRING)
    public ItemKind kind;
    public String title;
    @Column(name = "presenting_unit")
    public String presentingUnit;
    @Column(name = "document_kind")
    public String documentKind;
    @Column(name = "document_ref")
    public String documentRef;
    @Enumerated(EnumType.STRING)
    public ItemOutcome outcome;
    @Column(name = "outcome_note")
    public String outcomeNote;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    /** The carried-over task, for CARRY_OVER items. */
    @Column(name = "task_id")
    public UUID taskId;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    /** The off-track indicator, for OFF_TRACK items. */
    @Column(name = "indicator_code")
    public String indicatorCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "proposal_status")
    public ProposalStatus proposalStatus;
    /** Why the secretariat accepted or dismissed the proposal: kept. */
    @Column(name = "proposal_reason")
    public String proposalReason;
    @Column(name = "proposal_decided_by")
    public String proposalDecidedBy;
    @Column(name = "proposal_decided_at")
    public OffsetDateTime proposalDecidedAt;
}
