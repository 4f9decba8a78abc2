package vn.city.meeting.conclusion.service;

import vn.city.meeting.conclusion.Directive;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One version of a meeting's conclusion: DRAFT or PUBLISHED, with its directives. */
public record ConclusionView(UUID conclusionId, UUID meetingId, int version, Integer correctsVersion,
                             String status, String text, List<Directive> directives, String draftedBy,
                             OffsetDateTime draftedAt, String publishedBy, OffsetDateTime publishedAt) {
}
