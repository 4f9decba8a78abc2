package vn.city.meeting.meeting.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.city.meeting.meeting.ItemKind;
import vn.city.meeting.meeting.ItemOutcome;
import vn.city.meeting.meeting.MeetingStatus;
import vn.city.meeting.meeting.MeetingType;
import vn.city.meeting.meeting.ProposalStatus;
import vn.city.meeting.meeting.Stance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The REST shapes of meetings, agenda items and opinions. */
public final class MeetingDtos {

    private MeetingDtos() {
    }

    public record ScheduleMeeting(
            @NotNull MeetingType type,
            @NotBlank @Size(max = 500) String title,
            @NotBlank String period,
            @NotNull OffsetDateTime startsAt,
            @Size(max = 500) String place,
            @NotBlank @Size(max = 300) String chair,
            List<@NotBlank String> attendeeUnits,
            List<@NotBlank String> attendeePeople) {
    }

    public record RecordAttendance(@NotNull List<@NotBlank String> present) {
    }

    public record CancelMeeting(@Size(max = 1000) String reason) {
    }

    public record AddItem(
            @NotNull ItemKind kind,
            @NotBlank @Size(max = 1000) String title,
            String presentingUnit,
            String documentKind,
            String documentRef) {
    }

    public record GiveOpinion(@NotNull Stance stance, @Size(max = 4000) String text) {
    }

    public record DecideItem(@NotNull ItemOutcome outcome, @Size(max = 4000) String note) {
    }

    /** ACCEPTED or DISMISSED, with the reason (required to dismiss); the reason is kept on the item. */
    public record DecideProposal(@NotNull ProposalStatus decision, @Size(max = 4000) String reason) {
    }

    public record OpinionView(UUID id, String member, String unitCode, Stance stance, String text,
                              OffsetDateTime givenAt) {
    }

    public record ItemView(UUID id, int position, ItemKind kind, String title, String presentingUnit,
                           String documentKind, String documentRef, ItemOutcome outcome, String outcomeNote,
                           String decidedBy, OffsetDateTime decidedAt, UUID taskId, String indicatorCode,
                           ProposalStatus proposalStatus, String proposalReason, String proposalDecidedBy,
                           OffsetDateTime proposalDecidedAt, List<OpinionView> opinions) {
    }

    public record MeetingView(UUID id, MeetingType type, String title, String period, OffsetDateTime startsAt,
                              String place, String chair, List<String> attendeeUnits, List<String> attendeePeople,
                              List<String> attendance, MeetingStatus status, String statusNote,
                              OffsetDateTime concludedAt, List<ItemView> items) {
    }

    public record MeetingSummary(UUID id, MeetingType type, String title, String period, OffsetDateTime startsAt,
                                 String chair, List<String> attendeeUnits, MeetingStatus status) {
    }
}
