package vn.city.meeting.meeting;

import vn.city.common.problem.ProblemException;

/** SCHEDULED → IN_PROGRESS → CONCLUDED, or CANCELLED before it concludes. */
public enum MeetingStatus {
    SCHEDULED, IN_PROGRESS, CONCLUDED, CANCELLED;

    public boolean isClosed() {
        return this == CONCLUDED || this == CANCELLED;
    }

    /** The meeting may still be changed (items, outcomes, opinions, a draft conclusion). */
    public void requireOpen() {
        if (isClosed()) {
            throw ProblemException.conflict("meeting-closed", "the meeting is " + this + " and can no longer be changed");
        }
    }

    public MeetingStatus start() {
        if (this != SCHEDULED) {
            throw ProblemException.conflict("meeting-status", "only a SCHEDULED meeting can start; it is " + this);
        }
        return IN_PROGRESS;
    }

    public MeetingStatus cancel() {
        requireOpen();
        return CANCELLED;
    }

    public MeetingStatus conclude() {
        requireOpen();
        return CONCLUDED;
    }
}
