package vn.city.meeting.document.render;

import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import vn.city.meeting.document.ConclusionNotice;

/** The notice as a Word document (Apache POI), in the same Decree 30 layout as the PDF. */
public final class NoticeDocx {

    private NoticeDocx() {
    }

    public static byte[] render(ConclusionNotice n) {
        XWPFDocument doc = Docx.a4();
        doc.getProperties().getCoreProperties().setTitle(n.documentKind() + " " + n.subject());
        if (n.draft()) {
            XWPFParagraph mark = doc.createParagraph();
            mark.setBorderTop(Borders.SINGLE);
            mark.setBorderBottom(Borders.SINGLE);
            mark.setBorderLeft(Borders.SINGLE);
            mark.setBorderRight(Borders.SINGLE);
            mark.setIndentationRight((int) Docx.mm(140));
            Docx.centered(mark);
            Docx.run(mark, ConclusionNotice.DRAFT_MARK, 13, true, false);
        }

        XWPFTable head = Docx.layoutTable(doc, 66, 99);
        XWPFTableCell issuer = head.getRow(0).getCell(0);
        XWPFParagraph first = issuer.getParagraphs().get(0);
        for (int i = 0; i < n.issuerLines().size(); i++) {
            XWPFParagraph p = i == 0 ? first : issuer.addParagraph();
            Docx.run(Docx.centered(p), n.issuerLines().get(i), 13, true, false);
        }
        Docx.rule(issuer.addParagraph(), Docx.mm(20), Docx.mm(66));
        XWPFParagraph number = Docx.centered(issuer.addParagraph());
        number.setSpacingBefore(120);
        Docx.run(number, n.number(), 13, false, false);

        XWPFTableCell nation = head.getRow(0).getCell(1);
        Docx.run(Docx.centered(nation.getParagraphs().get(0)), ConclusionNotice.NATIONAL_TITLE, 12, true, false);
        Docx.run(Docx.centered(nation.addParagraph()), ConclusionNotice.MOTTO, 13, true, false);
        Docx.rule(nation.addParagraph(), Docx.mm(60), Docx.mm(99));
        XWPFParagraph date = Docx.centered(nation.addParagraph());
        date.setSpacingBefore(120);
        Docx.run(date, n.placeAndDate(), 14, false, true);

        XWPFParagraph kind = Docx.centered(doc.createParagraph());
        kind.setSpacingBefore(360);
        Docx.run(kind, n.documentKind(), 14, true, false);
        Docx.run(Docx.centered(doc.createParagraph()), n.subject(), 14, true, false);
        Docx.rule(doc.createParagraph(), Docx.mm(35), Docx.mm(165));
        if (n.replaces() != null) {
            XWPFParagraph r = Docx.centered(doc.createParagraph());
            r.setSpacingBefore(120);
            Docx.run(r, n.replaces(), 14, false, true);
        }
        for (String p : n.opening()) {
            Docx.run(Docx.body(doc), p, 14, false, false);
        }
        for (ConclusionNotice.Section s : n.sections()) {
            Docx.run(Docx.body(doc), s.heading(), 14, true, false);
            for (ConclusionNotice.Group g : s.groups()) {
                if (g.heading() != null) {
                    Docx.run(Docx.body(doc), g.heading(), 14, true, true);
                }
                for (String line : g.lines()) {
                    Docx.run(Docx.body(doc), line, 14, false, false);
                }
            }
        }
        Docx.run(Docx.body(doc), n.closing(), 14, false, false);

        doc.createParagraph();
        XWPFTable foot = Docx.layoutTable(doc, 75, 90);
        XWPFTableCell recipients = foot.getRow(0).getCell(0);
        XWPFParagraph label = recipients.getParagraphs().get(0);
        label.setSpacingAfter(0);
        Docx.run(label, ConclusionNotice.RECIPIENTS_LABEL, 12, true, true);
        for (String r : n.recipients()) {
            XWPFParagraph p = recipients.addParagraph();
            p.setSpacingAfter(0);
            Docx.run(p, r, 11, false, false);
        }
        XWPFTableCell sign = foot.getRow(0).getCell(1);
        Docx.run(Docx.centered(sign.getParagraphs().get(0)), n.signatureAuthority(), 14, true, false);
        Docx.run(Docx.centered(sign.addParagraph()), n.signaturePosition(), 14, true, false);
        for (int i = 0; i < 4; i++) {
            Docx.centered(sign.addParagraph());
        }
        Docx.run(Docx.centered(sign.addParagraph()), n.signerName(), 14, true, false);
        return Docx.bytes(doc);
    }
}
