package vn.city.meeting.meeting.service;

import vn.city.meeting.meeting.MeetingType;

import java.time.OffsetDateTime;
import java.util.List;

/** A meeting to schedule: the period as written (checked and made canonical by {@link MeetingService#schedule}). */
public record NewMeeting(MeetingType type, String title, String period, OffsetDateTime startsAt, String place,
                         String chair, List<String> attendeeUnits, List<String> attendeePeople) {
}
