package vn.city.meeting.meeting.service;

import vn.city.meeting.meeting.Stance;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An opinion a member gave on an agenda item. */
public record OpinionView(UUID id, String member, String unitCode, Stance stance, String text,
                          OffsetDateTime givenAt) {
}
