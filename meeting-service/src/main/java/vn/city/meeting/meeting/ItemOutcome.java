package vn.city.meeting.meeting;

public enum ItemOutcome { APPROVED, APPROVED_WITH_CHANGES, REJECTED, DEFERRED }
