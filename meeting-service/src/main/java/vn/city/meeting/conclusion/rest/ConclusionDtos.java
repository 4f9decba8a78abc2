package vn.city.meeting.conclusion.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.city.meeting.conclusion.DirectiveRules;
import vn.city.meeting.conclusion.service.ConclusionText;

import java.util.List;

/** The request body of the conclusion API; the views it answers with are the service's ({@code ConclusionView}). */
public final class ConclusionDtos {

    private ConclusionDtos() {
    }

    /** The chair's text and directives; directive rules are checked as a whole (422 naming each field). */
    public record ConclusionDraft(@NotBlank @Size(max = 20000) String text,
                                  @NotNull List<DirectiveRules.Candidate> directives) {

        ConclusionText toCommand() {
            return new ConclusionText(text, directives);
        }
    }
}
