package vn.city.meeting.conclusion.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.city.meeting.conclusion.Directive;
import vn.city.meeting.conclusion.DirectiveRules;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public final class ConclusionDtos {

    private ConclusionDtos() {
    }

    /** The chair's text and directives; directive rules are checked as a whole (422 naming each field). */
    public record ConclusionDraft(@NotBlank @Size(max = 20000) String text,
                                  @NotNull List<DirectiveRules.Candidate> directives) {
    }

    public record ConclusionView(UUID conclusionId, UUID meetingId, int version, Integer correctsVersion,
                                 String status, String text, List<Directive> directives, String draftedBy,
                                 OffsetDateTime draftedAt, String publishedBy, OffsetDateTime publishedAt) {
    }

    public record ConclusionHistory(UUID meetingId, ConclusionView current, List<ConclusionView> versions) {
    }
}
