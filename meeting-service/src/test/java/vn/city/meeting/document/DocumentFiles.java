package vn.city.meeting.document;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads generated documents back with the libraries a recipient's software would use. */
public final class DocumentFiles {

    private DocumentFiles() {
    }

    /** The PDF's text as PDFBox extracts it, with every run of white space made one space. */
    public static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return flat(stripper().getText(doc));
        }
    }

    /**
     * PDFBox guesses spaces from the gaps between glyph runs; the renderer starts a new run at a line-break chance
     * such as "/" in "30/9/2022", and the default tolerance (0.5 of a space) reads that seam as a space.
     */
    private static PDFTextStripper stripper() {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSpacingTolerance(0.8f);
        return stripper;
    }

    /** The PDF's text as extracted, lines kept (for the report). */
    public static String pdfLines(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return stripper().getText(doc);
        }
    }

    /** The fonts of every page, each as "name embedded?". */
    public static List<String> pdfFonts(byte[] pdf) throws IOException {
        List<String> fonts = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    fonts.add(f.getName() + (f.isEmbedded() ? " embedded" : " NOT embedded"));
                }
            }
        }
        return fonts;
    }

    public static void firstPageAsPng(byte[] pdf, Path png) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            Files.createDirectories(png.getParent());
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 110), "png", png.toFile());
        }
    }

    public static String docxText(byte[] docx) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return flat(extractor.getText());
        }
    }

    static String flat(String s) {
        return s.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }
}
