package vn.city.meeting.meeting.service;

import vn.city.meeting.meeting.ItemKind;
import vn.city.meeting.meeting.ItemOutcome;
import vn.city.meeting.meeting.ProposalStatus;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An agenda item: its outcome once decided, the proposal's decision when the system proposed it, its opinions. */
public record ItemView(UUID id, int position, ItemKind kind, String title, String presentingUnit,
                       String documentKind, String documentRef, ItemOutcome outcome, String outcomeNote,
                       String decidedBy, OffsetDateTime decidedAt, UUID taskId, String indicatorCode,
                       ProposalStatus proposalStatus, String proposalReason, String proposalDecidedBy,
                       OffsetDateTime proposalDecidedAt, List<OpinionView> opinions) {
}
