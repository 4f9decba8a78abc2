package vn.city.meeting.document.render;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import vn.city.meeting.document.ConclusionNotice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The notice as PDF: XHTML laid out like Decree 30/2020/NĐ-CP (A4, margins 20/20/30/15 mm, a Times-metric serif at
 * 13–14 pt) rendered by openhtmltopdf over PDFBox, with Liberation Serif embedded (subset) so every Vietnamese letter
 * prints on any reader.
 */
public final class NoticePdf {

    static final String FONT = "Liberation Serif";

    private NoticePdf() {
    }

    public static byte[] render(ConclusionNotice notice) {
        return toPdf(xhtml(notice), notice.documentKind() + " " + notice.subject());
    }

    static byte[] toPdf(String xhtml, String title) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            font(builder, "Regular", 400, FontStyle.NORMAL);
            font(builder, "Bold", 700, FontStyle.NORMAL);
            font(builder, "Italic", 400, FontStyle.ITALIC);
            font(builder, "BoldItalic", 700, FontStyle.ITALIC);
            builder.withHtmlContent(xhtml, null);
            builder.withProducer("city steering system");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF of '" + title + "' could not be written", e);
        }
    }

    private static void font(PdfRendererBuilder builder, String variant, int weight, FontStyle style) {
        String resource = "/fonts/LiberationSerif-" + variant + ".ttf";
        builder.useFont(() -> {
            InputStream in = NoticePdf.class.getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is missing from the application");
            }
            return in;
        }, FONT, weight, style, true);
    }

    static String xhtml(ConclusionNotice n) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"UTF-8\"/><title>")
                .append(esc(n.documentKind() + " " + n.subject())).append("</title><style>")
                .append(CSS).append("</style></head><body>");
        if (n.draft()) {
            h.append("<div class=\"draft\">").append(ConclusionNotice.DRAFT_MARK).append("</div>");
        }
        h.append("<table class=\"head\"><tr><td class=\"issuer\">");
        for (String line : n.issuerLines()) {
            h.append("<div class=\"b\">").append(esc(line)).append("</div>");
        }
        h.append("<div class=\"rule\" style=\"width:30%\"></div>");
        h.append("<div class=\"number\">").append(esc(n.number())).append("</div>");
        h.append("</td><td class=\"nation\">")
                .append("<div class=\"b title12\">").append(ConclusionNotice.NATIONAL_TITLE).append("</div>")
                .append("<div class=\"b\">").append(ConclusionNotice.MOTTO).append("</div>")
                .append("<div class=\"rule\" style=\"width:62%\"></div>")
                .append("<div class=\"i date\">").append(esc(n.placeAndDate())).append("</div>")
                .append("</td></tr></table>");
        h.append("<div class=\"kind b\">").append(esc(n.documentKind())).append("</div>");
        h.append("<div class=\"subject\">").append(esc(n.subject())).append("</div>");
        h.append("<div class=\"rule\" style=\"width:22%\"></div>");
        if (n.replaces() != null) {
            h.append("<p class=\"i center\">").append(esc(n.replaces())).append("</p>");
        }
        for (String p : n.opening()) {
            h.append("<p>").append(esc(p)).append("</p>");
        }
        for (ConclusionNotice.Section s : n.sections()) {
            h.append("<p class=\"b\">").append(esc(s.heading())).append("</p>");
            for (ConclusionNotice.Group g : s.groups()) {
                if (g.heading() != null) {
                    h.append("<p class=\"bi\">").append(esc(g.heading())).append("</p>");
                }
                for (String line : g.lines()) {
                    h.append("<p>").append(esc(line)).append("</p>");
                }
            }
        }
        h.append("<p>").append(esc(n.closing())).append("</p>");
        h.append("<table class=\"foot\"><tr><td class=\"recipients\"><div class=\"bi r12\">")
                .append(ConclusionNotice.RECIPIENTS_LABEL).append("</div>");
        for (String r : n.recipients()) {
            h.append("<div class=\"r11\">").append(esc(r)).append("</div>");
        }
        h.append("</td><td class=\"sign\"><div class=\"b\">").append(esc(n.signatureAuthority())).append("</div>")
                .append("<div class=\"b\">").append(esc(n.signaturePosition())).append("</div>")
                .append("<div class=\"space\"></div>")
                .append("<div class=\"b\">").append(esc(n.signerName())).append("</div></td></tr></table>");
        h.append("</body></html>");
        return h.toString();
    }

    static final String CSS = """
            @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
            body { font-family: 'Liberation Serif'; font-size: 14pt; line-height: 1.2; }
            .b { font-weight: bold; } .i { font-style: italic; } .bi { font-weight: bold; font-style: italic; }
            .center { text-align: center; }
            table { width: 100%; border-collapse: collapse; }
            td { vertical-align: top; padding: 0; }
            table.head td.issuer { width: 40%; text-align: center; font-size: 13pt; }
            table.head td.nation { width: 60%; text-align: center; font-size: 13pt; }
            .title12 { font-size: 12.5pt; }
            .rule { border-top: 0.6pt solid #000; margin: 4pt auto 0 auto; height: 0; }
            .number { margin-top: 6pt; font-size: 13pt; }
            .date { margin-top: 6pt; font-size: 14pt; }
            .kind { text-align: center; margin-top: 18pt; font-size: 14pt; }
            .subject { text-align: center; font-size: 14pt; font-weight: bold; margin: 0 4%; }
            p { text-align: justify; text-indent: 1cm; margin: 6pt 0 0 0; }
            p.center { text-align: center; text-indent: 0; }
            table.foot { margin-top: 14pt; page-break-inside: avoid; }
            td.recipients { width: 45%; }
            td.sign { width: 55%; text-align: center; font-size: 14pt; }
            .r12 { font-size: 12pt; } .r11 { font-size: 11pt; }
            .space { height: 60pt; }
            .draft { width: 28mm; margin: 0 0 6pt auto; border: 1pt solid #000; padding: 1pt 4pt; text-align: center;
                     font-weight: bold; font-size: 13pt; }
            """;

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        sb.append(' ');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
