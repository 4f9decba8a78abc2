package vn.city.meeting.document.render;

import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;

/** Writing Word documents in the administrative style: A4, Times New Roman, Decree 30 margins. */
final class Docx {

    static final String FONT = "Times New Roman";
    /** Twentieths of a point per millimetre. */
    private static final double TWIPS_PER_MM = 56.6929;

    private Docx() {
    }

    static XWPFDocument a4() {
        XWPFDocument doc = new XWPFDocument();
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(mm(210)));
        size.setH(BigInteger.valueOf(mm(297)));
        CTPageMar mar = sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(mm(20)));
        mar.setBottom(BigInteger.valueOf(mm(20)));
        mar.setLeft(BigInteger.valueOf(mm(30)));
        mar.setRight(BigInteger.valueOf(mm(15)));
        return doc;
    }

    static long mm(double millimetres) {
        return Math.round(millimetres * TWIPS_PER_MM);
    }

    static XWPFRun run(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
        XWPFRun r = p.createRun();
        r.setFontFamily(FONT);
        r.setFontSize(size);
        r.setBold(bold);
        r.setItalic(italic);
        r.setText(text == null ? "" : text);
        return r;
    }

    static XWPFParagraph centered(XWPFParagraph p) {
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(0);
        p.setSpacingBefore(0);
        return p;
    }

    /** A body paragraph: justified, first line indented 1 cm, 6 pt before. */
    static XWPFParagraph body(XWPFDocument doc) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setIndentationFirstLine((int) mm(10));
        p.setSpacingBefore(120);
        p.setSpacingAfter(0);
        return p;
    }

    /** A short horizontal rule: an empty paragraph with a bottom border, narrowed by its indentation. */
    static void rule(XWPFParagraph p, long widthTwips, long availableTwips) {
        long side = Math.max(0, (availableTwips - widthTwips) / 2);
        p.setIndentationLeft((int) side);
        p.setIndentationRight((int) side);
        p.setBorderBottom(Borders.SINGLE);
        p.setSpacingAfter(0);
        p.setSpacingBefore(0);
        XWPFRun r = p.createRun();
        r.setFontSize(2);
    }

    /** A table without borders, of the given column widths in millimetres. */
    static XWPFTable layoutTable(XWPFDocument doc, double... columnsMm) {
        XWPFTable t = doc.createTable(1, columnsMm.length);
        t.removeBorders();
        CTTblWidth width = t.getCTTbl().getTblPr().isSetTblW() ? t.getCTTbl().getTblPr().getTblW()
                : t.getCTTbl().getTblPr().addNewTblW();
        width.setType(STTblWidth.DXA);
        double total = 0;
        for (double c : columnsMm) {
            total += c;
        }
        width.setW(BigInteger.valueOf(mm(total)));
        for (int i = 0; i < columnsMm.length; i++) {
            XWPFTableCell cell = t.getRow(0).getCell(i);
            cell.setWidth(Long.toString(mm(columnsMm[i])));
            cell.setWidthType(org.apache.poi.xwpf.usermodel.TableWidthType.DXA);
        }
        return t;
    }

    static byte[] bytes(XWPFDocument doc) {
        try (doc; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
