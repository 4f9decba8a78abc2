package vn.city.meeting.document.render;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import vn.city.meeting.narrative.Narrative;

/** The briefing narrative as a Word document: whatever the narrative service wrote, its title then its parts. */
public final class NarrativeDocx {

    private NarrativeDocx() {
    }

    public static byte[] render(Narrative n) {
        XWPFDocument doc = Docx.a4();
        doc.getProperties().getCoreProperties().setTitle(n.title());
        XWPFParagraph title = Docx.centered(doc.createParagraph());
        title.setSpacingAfter(240);
        Docx.run(title, n.title(), 14, true, false);
        for (Narrative.Part part : n.parts()) {
            if (part.heading() != null && !part.heading().isBlank()) {
                Docx.run(Docx.body(doc), part.heading(), 14, true, false);
            }
            for (String p : part.paragraphs()) {
                Docx.run(Docx.body(doc), p, 14, false, false);
            }
        }
        return Docx.bytes(doc);
    }
}
