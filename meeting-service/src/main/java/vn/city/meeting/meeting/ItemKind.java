package vn.city.meeting.meeting;

/**
 * REPORT: a report heard; FOR_OPINION: put to the members (xin ý kiến); CARRY_OVER: an unfinished earlier task;
 * OFF_TRACK: an indicator behind its expected attainment, proposed once and accepted or dismissed by the secretariat.
 */
public enum ItemKind { REPORT, FOR_OPINION, CARRY_OVER, OFF_TRACK }
