package vn.city.meeting.conclusion.service;

import vn.city.meeting.conclusion.DirectiveRules;

import java.util.List;

/**
 * What the chair writes, as a draft or as a correction: the text and the directives, checked as a whole by
 * {@link DirectiveRules} (each violation names its field, {@code directives[2].leadUnit}).
 */
public record ConclusionText(String text, List<DirectiveRules.Candidate> directives) {
}
