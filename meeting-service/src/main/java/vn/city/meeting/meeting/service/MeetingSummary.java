package vn.city.meeting.meeting.service;

import vn.city.meeting.meeting.MeetingStatus;
import vn.city.meeting.meeting.MeetingType;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A meeting in a list, without its agenda. */
public record MeetingSummary(UUID id, MeetingType type, String title, String period, OffsetDateTime startsAt,
                             String chair, List<String> attendeeUnits, MeetingStatus status) {
}
