package vn.city.meeting.conclusion;

import vn.city.common.problem.Problem.FieldViolation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What a directive must satisfy before it can be published: content, a known lead unit, known coordinating
 * units, a deadline or "ongoing" (thường xuyên), and on a correction only ids of the previous version.
 */
public final class DirectiveRules {

    private DirectiveRules() {
    }

    public record Candidate(UUID directiveId, String title, String content, String leadUnit,
                            List<String> coordinatingUnits, java.time.LocalDate deadline, Boolean ongoing,
                            Directive.Priority priority, List<String> indicatorCodes) {
    }

    /** Violations of every rule, each naming its field, e.g. {@code directives[2].leadUnit}. */
    public static List<FieldViolation> check(List<Candidate> directives, Predicate<String> knownUnit,
                                             Collection<UUID> allowedIds) {
        List<FieldViolation> out = new ArrayList<>();
        if (directives == null) {
            return out;
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < directives.size(); i++) {
            Candidate d = directives.get(i);
            String at = "directives[" + i + "]";
            if (d == null) {
                out.add(new FieldViolation(at, "required", "a directive is required"));
                continue;
            }
            if (d.content() == null || d.content().isBlank()) {
                out.add(new FieldViolation(at + ".content", "required", "a directive states its content"));
            }
            if (d.leadUnit() == null || d.leadUnit().isBlank()) {
                out.add(new FieldViolation(at + ".leadUnit", "required", "a directive names its lead unit"));
            } else if (!knownUnit.test(d.leadUnit())) {
                out.add(new FieldViolation(at + ".leadUnit", "known-unit",
                        "unit '" + d.leadUnit() + "' is not a known organisation unit"));
            }
            List<String> coordinating = d.coordinatingUnits() == null ? List.of() : d.coordinatingUnits();
            for (int j = 0; j < coordinating.size(); j++) {
                String u = coordinating.get(j);
                if (u == null || !knownUnit.test(u)) {
                    out.add(new FieldViolation(at + ".coordinatingUnits[" + j + "]", "known-unit",
                            "unit '" + u + "' is not a known organisation unit"));
                }
            }
            boolean ongoing = Boolean.TRUE.equals(d.ongoing());
            if (d.deadline() == null && !ongoing) {
                out.add(new FieldViolation(at + ".deadline", "deadline-or-ongoing",
                        "a directive has a deadline or is ongoing (thường xuyên)"));
            }
            if (d.deadline() != null && ongoing) {
                out.add(new FieldViolation(at + ".ongoing", "deadline-or-ongoing",
                        "an ongoing directive has no deadline"));
            }
            if (d.directiveId() != null) {
                if (!seen.add(d.directiveId())) {
                    out.add(new FieldViolation(at + ".directiveId", "unique", "directive id appears twice"));
                } else if (!allowedIds.contains(d.directiveId())) {
                    out.add(new FieldViolation(at + ".directiveId", "known-directive",
                            "directive id " + d.directiveId() + " is not part of the previous version; leave it empty for a new directive"));
                }
            }
        }
        return out;
    }

    /** Candidates become directives; new ones get their stable id here. */
    public static List<Directive> accept(List<Candidate> directives) {
        List<Directive> out = new ArrayList<>();
        if (directives == null) {
            return out;
        }
        for (Candidate d : directives) {
            String title = d.title() == null || d.title().isBlank() ? shortTitle(d.content()) : d.title();
            out.add(new Directive(d.directiveId() == null ? UUID.randomUUID() : d.directiveId(), title, d.content(),
                    d.leadUnit(), d.coordinatingUnits() == null ? List.of() : List.copyOf(d.coordinatingUnits()),
                    d.deadline(), Boolean.TRUE.equals(d.ongoing()),
                    d.priority() == null ? Directive.Priority.NORMAL : d.priority(),
                    d.indicatorCodes() == null ? List.of() : List.copyOf(d.indicatorCodes())));
        }
        return out;
    }

    static String shortTitle(String content) {
        String c = content.strip();
        return c.length() <= 120 ? c : c.substring(0, 117) + "…";
    }
}
