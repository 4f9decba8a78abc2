package vn.city.meeting.meeting;

public enum MeetingType {
    MONTHLY_BRIEFING, QUARTERLY_REVIEW, HALF_YEAR_REVIEW, ANNUAL_REVIEW, PARTY_COMMITTEE, THEMATIC;

    public boolean isBriefing() {
        return this != PARTY_COMMITTEE && this != THEMATIC;
    }
}
