package vn.city.meeting.conclusion;

import org.junit.jupiter.api.Test;
import vn.city.common.problem.Problem.FieldViolation;
import vn.city.meeting.conclusion.DirectiveRules.Candidate;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DirectiveRulesTest {

    static final Set<String> KNOWN = Set.of("ENV", "C-NONGTHUONG", "C-DUONGQUANG");

    static Candidate candidate(UUID id, String content, String lead, List<String> coordinating, LocalDate deadline,
                               Boolean ongoing) {
        return new Candidate(id, null, content, lead, coordinating, deadline, ongoing, null, null);
    }

    @Test
    void aCompleteDirectiveWithKnownUnitsPasses() {
        List<Candidate> ds = List.of(candidate(null, "Vệ sinh môi trường", "ENV", List.of("C-NONGTHUONG", "C-DUONGQUANG"),
                null, true));
        assertThat(DirectiveRules.check(ds, KNOWN::contains, Set.of())).isEmpty();
        Directive d = DirectiveRules.accept(ds).get(0);
        assertThat(d.directiveId()).isNotNull();
        assertThat(d.title()).isEqualTo("Vệ sinh môi trường");
        assertThat(d.priority()).isEqualTo(Directive.Priority.NORMAL);
    }

    @Test
    void everyBrokenRuleNamesItsField() {
        UUID stranger = UUID.randomUUID();
        List<Candidate> ds = List.of(
                candidate(null, " ", "ENV", List.of(), LocalDate.of(2022, 7, 31), false),
                candidate(null, "Nội dung", "NOWHERE", List.of("ENV", "ATLANTIS"), null, null),
                candidate(stranger, "Nội dung", "ENV", null, LocalDate.of(2022, 7, 31), true));
        List<FieldViolation> v = DirectiveRules.check(ds, KNOWN::contains, Set.of());
        assertThat(v).extracting(FieldViolation::field, FieldViolation::rule).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("directives[0].content", "required"),
                org.assertj.core.groups.Tuple.tuple("directives[1].leadUnit", "known-unit"),
                org.assertj.core.groups.Tuple.tuple("directives[1].coordinatingUnits[1]", "known-unit"),
                org.assertj.core.groups.Tuple.tuple("directives[1].deadline", "deadline-or-ongoing"),
                org.assertj.core.groups.Tuple.tuple("directives[2].ongoing", "deadline-or-ongoing"),
                org.assertj.core.groups.Tuple.tuple("directives[2].directiveId", "known-directive"));
    }

    @Test
    void aCorrectionKeepsTheIdsOfThePreviousVersion() {
        UUID kept = UUID.randomUUID();
        List<Candidate> ds = List.of(candidate(kept, "Nội dung", "ENV", List.of(), null, true));
        assertThat(DirectiveRules.check(ds, KNOWN::contains, Set.of(kept))).isEmpty();
        assertThat(DirectiveRules.accept(ds).get(0).directiveId()).isEqualTo(kept);
    }
}
