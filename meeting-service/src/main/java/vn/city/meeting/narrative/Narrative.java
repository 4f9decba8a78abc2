package vn.city.meeting.narrative;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The write-up of a meeting in the style of the city's news items: a title and parts (the opening, the items put for
 * opinion, the results by section with the units' own words, what is behind, tasks, the chair's conclusion). Any
 * renderer (the HTML page, a .docx) renders {@code parts}; {@code paragraphs} is the same text flattened and
 * {@code text} the paragraphs joined by blank lines.
 */
public record Narrative(UUID meetingId, String period, String title, List<Part> parts,
                        List<Sentence> indicatorSentences, List<String> paragraphs, String text,
                        boolean fromFrozenPack, OffsetDateTime asOf) {

    /** What a part is about, so a renderer may style or head it. */
    public enum PartKind { OPENING, ITEMS_FOR_OPINION, RESULTS, BEHIND, TASKS, CONCLUSION }

    /**
     * A part of the write-up. {@code section} is ECONOMY, CULTURE_SOCIETY, DEFENCE_SECURITY or PARTY_GOVERNMENT for
     * the results, null otherwise; {@code heading} is the section's Vietnamese name (a renderer may omit it, the news
     * items do).
     */
    public record Part(PartKind kind, String section, String heading, List<String> paragraphs) {
    }

    public record Sentence(String indicatorCode, String text) {
    }

    public static Narrative of(UUID meetingId, String period, String title, List<Part> parts,
                               List<Sentence> sentences, boolean fromFrozenPack, OffsetDateTime asOf) {
        List<String> paragraphs = parts.stream().flatMap(p -> p.paragraphs().stream()).toList();
        return new Narrative(meetingId, period, title, parts, sentences, paragraphs, String.join("\n\n", paragraphs),
                fromFrozenPack, asOf);
    }
}
