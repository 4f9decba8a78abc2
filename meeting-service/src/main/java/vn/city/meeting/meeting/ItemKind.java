package vn.city.meeting.meeting;

/** REPORT: a report heard; FOR_OPINION: put to the members (xin ý kiến); CARRY_OVER: an unfinished earlier task. */
public enum ItemKind { REPORT, FOR_OPINION, CARRY_OVER }
