package vn.city.meeting.meeting;

public enum Stance { AGREE, DISAGREE, COMMENT }
