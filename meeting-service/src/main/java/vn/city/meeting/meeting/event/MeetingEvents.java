package vn.city.meeting.meeting.event;

import vn.city.meeting.meeting.ItemOutcome;
import vn.city.meeting.meeting.MeetingType;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Payloads of the meeting events this service publishes (see asyncapi.yaml). */
public final class MeetingEvents {

    public static final String SCHEDULED = "meeting-scheduled";
    public static final String ITEM_DECIDED = "item-decided";
    public static final String CONCLUDED = "meeting-concluded";
    public static final String PACK_FROZEN = "pack-frozen";

    private MeetingEvents() {
    }

    public record MeetingScheduled(UUID meetingId, MeetingType type, String title, String period,
                                   OffsetDateTime startsAt, String place, String chair, List<String> attendeeUnits) {
    }

    public record ItemDecided(UUID meetingId, UUID itemId, String title, String presentingUnit, String documentRef,
                              ItemOutcome outcome) {
    }

    public record DirectivePayload(UUID directiveId, String title, String content, String leadUnit,
                                   List<String> coordinatingUnits, java.time.LocalDate deadline, boolean ongoing,
                                   String priority, List<String> indicatorCodes) {
    }

    public record MeetingConcluded(UUID meetingId, UUID conclusionId, int version, Integer correctsVersion,
                                   String meetingTitle, String period, String chair, OffsetDateTime concludedAt,
                                   String text, List<DirectivePayload> directives) {
    }

    public record PackFrozen(UUID meetingId, String period, OffsetDateTime frozenAt, int indicatorCount,
                             int taskCount) {
    }
}
