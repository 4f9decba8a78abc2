package vn.city.meeting.meeting.service;

import vn.city.meeting.meeting.MeetingStatus;
import vn.city.meeting.meeting.MeetingType;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A meeting with its agenda items and their opinions. */
public record MeetingView(UUID id, MeetingType type, String title, String period, OffsetDateTime startsAt,
                          String place, String chair, List<String> attendeeUnits, List<String> attendeePeople,
                          List<String> attendance, MeetingStatus status, String statusNote,
                          OffsetDateTime concludedAt, List<ItemView> items) {
}
