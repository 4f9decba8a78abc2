package vn.city.meeting.meeting.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.city.meeting.meeting.ItemKind;
import vn.city.meeting.meeting.ItemOutcome;
import vn.city.meeting.meeting.MeetingType;
import vn.city.meeting.meeting.ProposalStatus;
import vn.city.meeting.meeting.Stance;
import vn.city.meeting.meeting.service.NewItem;
import vn.city.meeting.meeting.service.NewMeeting;

import java.time.OffsetDateTime;
import java.util.List;

/** The request bodies of the meeting API; the views it answers with are the service's ({@code MeetingView}…). */
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

        NewMeeting toCommand() {
            return new NewMeeting(type, title, period, startsAt, place, chair, attendeeUnits, attendeePeople);
        }
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

        NewItem toCommand() {
            return new NewItem(kind, title, presentingUnit, documentKind, documentRef);
        }
    }

    public record GiveOpinion(@NotNull Stance stance, @Size(max = 4000) String text) {
    }

    public record DecideItem(@NotNull ItemOutcome outcome, @Size(max = 4000) String note) {
    }

    /** ACCEPTED or DISMISSED, with the reason (required to dismiss); the reason is kept on the item. */
    public record DecideProposal(@NotNull ProposalStatus decision, @Size(max = 4000) String reason) {
    }
}
