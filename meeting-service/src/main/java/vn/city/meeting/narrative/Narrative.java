package vn.city.meeting.narrative;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A Vietnamese draft of the period's report, written from the pack and the conclusion's directives. */
public record Narrative(UUID meetingId, String period, String title, List<Sentence> indicatorSentences,
                        List<String> paragraphs, String text, boolean fromFrozenPack, OffsetDateTime asOf) {

    public record Sentence(String indicatorCode, String text) {
    }
}
