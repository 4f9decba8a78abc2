package vn.city.meeting.conclusion.service;

import java.util.List;
import java.util.UUID;

/** A meeting's conclusion: the current version and every version, oldest first. */
public record ConclusionHistory(UUID meetingId, ConclusionView current, List<ConclusionView> versions) {
}
