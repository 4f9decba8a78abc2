package vn.city.meeting.meeting;

/** A proposed agenda item (an off-track indicator) waits for the secretariat, who accepts or dismisses it. */
public enum ProposalStatus { PROPOSED, ACCEPTED, DISMISSED }
