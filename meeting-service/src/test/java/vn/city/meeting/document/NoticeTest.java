package vn.city.meeting.document;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.city.meeting.support.Api;
import vn.city.meeting.support.Events;
import vn.city.meeting.support.ReadModel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static vn.city.meeting.support.Api.as;
import static vn.city.meeting.support.Api.directive;

/**
 * The conclusion notice of the June 2022 briefing: draft before issue, numbered by the secretariat, read back from
 * the PDF (PDFBox) and the Word file (POI); corrected; and two notices issued at the same instant.
 */
@QuarkusTest
class NoticeTest {

    static final List<String> UNITS = List.of("ENV", "W-SONGCAU", "W-XUATHOA", "C-NONGTHUONG", "C-DUONGQUANG");
    static final String[] DIRECTIVES = {
            "Chủ trì, phối hợp với các đơn vị và hai xã Nông Thượng, Dương Quang quan tâm thực hiện công tác vệ sinh môi "
                    + "trường, tạo cảnh quan xanh, sạch, đẹp",
            "Đôn đốc các xã, phường tiếp tục tuyên truyền, vận động người dân tháo dỡ các công trình lấn chiếm hành lang "
                    + "kỹ thuật tại các khu dân cư",
            "Chuẩn bị các điều kiện thực hiện công tác diễn tập phòng cháy, chữa cháy rừng phường Sông Cầu năm 2022"};
    static final String SUBJECT = "Kết luận của đồng chí Dương Hữu Bường, Chủ tịch UBND thành phố tại cuộc họp giao ban "
            + "tháng 6/2022";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void units() {
        try (Events events = new Events()) {
            events.unit("ENV", "Phòng Tài nguyên và Môi trường", "DEPARTMENT");
            events.unit("W-SONGCAU", "Phường Sông Cầu", "WARD");
            events.unit("W-XUATHOA", "Phường Xuất Hóa", "WARD");
            events.unit("C-NONGTHUONG", "Xã Nông Thượng", "COMMUNE");
            events.unit("C-DUONGQUANG", "Xã Dương Quang", "COMMUNE");
        }
        ReadModel.awaitUnits(dataSource, UNITS);
    }

    /** The June 2022 briefing with one approved item and three directives; the conclusion drafted, not published. */
    static String juneBriefingDrafted() {
        String id = Api.schedule(Api.meeting("MONTHLY_BRIEFING", "UBND thành phố Bắc Kạn họp giao ban tháng 7/2022",
                "2022-06", OffsetDateTime.parse("2022-06-28T14:00:00+07:00"), UNITS));
        as("secretariat").post("/api/meetings/" + id + "/start").then().statusCode(200);
        String item = as("secretariat").body(Map.of("kind", "FOR_OPINION", "title",
                        "Phương án bồi thường, hỗ trợ GPMB dự án Trường Mầm non Dương Quang", "presentingUnit", "ENV",
                        "documentKind", "COMPENSATION_PLAN", "documentRef", "Tờ trình của Phòng TN&MT"))
                .post("/api/meetings/" + id + "/items").then().statusCode(201).extract().path("id");
        as("secretariat").body(Map.of("outcome", "APPROVED", "note", "Các thành viên dự họp đã thảo luận, nhất trí thông qua"))
                .post("/api/meetings/" + id + "/items/" + item + "/decision").then().statusCode(200);
        as("leader").body(Map.of("text", "Đề nghị thủ trưởng các cơ quan, phòng, ban, ngành thành phố chủ động rà soát, "
                                + "thực hiện đầy đủ, nghiêm túc nhiệm vụ tại các thông báo, kết luận sau thanh tra, kiểm toán.",
                        "directives", List.of(
                                directive(DIRECTIVES[0], "ENV", List.of("C-NONGTHUONG", "C-DUONGQUANG"), null),
                                directive(DIRECTIVES[1], "W-SONGCAU", List.of("W-XUATHOA"), "2022-07-31"),
                                directive(DIRECTIVES[2], "W-SONGCAU", List.of(), "2022-09-30"))))
                .put("/api/meetings/" + id + "/conclusion").then().statusCode(200);
        return id;
    }

    static String juneBriefingPublished() {
        String id = juneBriefingDrafted();
        as("leader").post("/api/meetings/" + id + "/conclusion/publish").then().statusCode(200);
        return id;
    }

    static byte[] file(String user, String id, String format) {
        return as(user).get("/api/meetings/" + id + "/notice." + format).then().statusCode(200)
                .contentType(format.equals("pdf") ? "application/pdf"
                        : "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .extract().asByteArray();
    }

    static Response issue(String user, String id, String signedOn) {
        return as(user).body(signedOn == null ? "{}" : "{\"signedOn\":\"" + signedOn + "\"}")
                .post("/api/meetings/" + id + "/notice");
    }

    @Test
    void draftUntilIssuedThenNumberedAndReadBackFromPdfAndWord() throws Exception {
        String id = juneBriefingDrafted();
        // Before publication: the draft, no number; nothing to issue.
        String draftPdf = DocumentFiles.pdfText(file("viewer", id, "pdf"));
        assertThat(draftPdf).contains("DỰ THẢO", SUBJECT, DIRECTIVES[0]).doesNotContainPattern("Số: ?\\d");
        issue("secretariat", id, null).then().statusCode(409).body("title", org.hamcrest.Matchers.notNullValue());

        as("leader").post("/api/meetings/" + id + "/conclusion/publish").then().statusCode(200);
        as("viewer").get("/api/meetings/" + id + "/notice").then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("number", nullValue());
        assertThat(DocumentFiles.docxText(file("officer-songcau", id, "docx"))).contains("DỰ THẢO")
                .doesNotContainPattern("Số: ?\\d");

        // Only the secretariat numbers it; again gives the same number.
        // A leader may write to meetings, but the enforcer's 'notices' resource grants 'issue' to the secretariat only.
        issue("leader", id, "2022-06-28").then().statusCode(403)
                .body("detail", equalTo("the token does not grant this operation"));
        issue("viewer", id, "2022-06-28").then().statusCode(403);
        issue("secretariat", id, "2022-06-27").then().statusCode(422);
        Response first = issue("secretariat", id, "2022-06-28");
        first.then().statusCode(201).body("status", equalTo("ISSUED")).body("conclusionVersion", equalTo(1));
        int number = first.path("number");
        String numberAndSymbol = first.path("numberAndSymbol");
        assertThat(numberAndSymbol).isEqualTo((number < 10 ? "0" : "") + number + "/TB-UBND");
        as("secretariat").post("/api/meetings/" + id + "/notice").then().statusCode(200).body("number", equalTo(number))
                .body("signedOn", equalTo("2022-06-28"));
        as("viewer").get("/api/meetings/" + id + "/notice").then().statusCode(200)
                .body("status", equalTo("ISSUED")).body("numberAndSymbol", equalTo(numberAndSymbol));

        byte[] pdf = file("viewer", id, "pdf");
        String text = DocumentFiles.pdfText(pdf);
        assertThat(text).contains("ỦY BAN NHÂN DÂN", "THÀNH PHỐ BẮC KẠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "Độc lập - Tự do - Hạnh phúc", "Số: " + numberAndSymbol, "Bắc Kạn, ngày 28 tháng 6 năm 2022",
                        "THÔNG BÁO " + SUBJECT, "3.1. Phòng Tài nguyên và Môi trường", "3.2. Phường Sông Cầu",
                        DIRECTIVES[0] + ". Đơn vị phối hợp: Xã Nông Thượng, Xã Dương Quang. Thời hạn: thường xuyên.",
                        DIRECTIVES[1] + ". Đơn vị phối hợp: Phường Xuất Hóa. Thời hạn: 31/7/2022.",
                        DIRECTIVES[2] + ". Thời hạn: 30/9/2022.",
                        "Phương án bồi thường, hỗ trợ GPMB dự án Trường Mầm non Dương Quang (Phòng Tài nguyên và Môi "
                                + "trường trình): nhất trí thông qua.",
                        "Nơi nhận: - Phòng Tài nguyên và Môi trường; - Phường Sông Cầu; - Xã Nông Thượng; - Xã Dương "
                                + "Quang; - Phường Xuất Hóa; - Lưu: VT.",
                        "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH", "Dương Hữu Bường")
                .doesNotContain("DỰ THẢO", "ENV", "C-NONGTHUONG");
        assertThat(DocumentFiles.pdfFonts(pdf)).allSatisfy(f -> assertThat(f).endsWith(" embedded"));

        String word = DocumentFiles.docxText(file("viewer", id, "docx"));
        assertThat(word).contains("Số: " + numberAndSymbol, "Bắc Kạn, ngày 28 tháng 6 năm 2022", "THÔNG BÁO " + SUBJECT,
                        DIRECTIVES[0], DIRECTIVES[1], DIRECTIVES[2], "Thời hạn: 31/7/2022.", "Nơi nhận:",
                        "- Xã Dương Quang;", "- Phường Xuất Hóa;", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
                .doesNotContain("DỰ THẢO");

        // What a person sees, kept for the report: the first page as PNG and the extracted text.
        Path out = Path.of("target", "documents");
        Files.createDirectories(out);
        Files.write(out.resolve("notice.pdf"), pdf);
        Files.writeString(out.resolve("notice.txt"), DocumentFiles.pdfLines(pdf), StandardCharsets.UTF_8);
        DocumentFiles.firstPageAsPng(pdf, out.resolve("notice-page1.png"));
    }

    @Test
    void correctedConclusionGetsANewNumberNamingTheNoticeItReplaces() throws Exception {
        String id = juneBriefingPublished();
        Response first = issue("secretariat", id, "2022-06-28");
        first.then().statusCode(201);
        String replaced = first.path("numberAndSymbol");
        String documentId = first.path("documentId");

        as("leader").body(Map.of("text", "Kết luận được đính chính thời hạn diễn tập.", "directives", List.of(
                        directive(DIRECTIVES[2], "W-SONGCAU", List.of(), "2022-10-15"))))
                .post("/api/meetings/" + id + "/conclusion/corrections").then().statusCode(201);
        as("viewer").get("/api/meetings/" + id + "/notice").then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("conclusionVersion", equalTo(2))
                .body("replaces.numberAndSymbol", equalTo(replaced));
        assertThat(DocumentFiles.pdfText(file("viewer", id, "pdf"))).contains("DỰ THẢO",
                "Thông báo này thay thế Thông báo số " + replaced + " ngày 28/6/2022 của UBND thành phố.");

        Response second = issue("secretariat", id, "2022-07-04");
        second.then().statusCode(201).body("conclusionVersion", equalTo(2))
                .body("replaces.documentId", equalTo(documentId))
                .body("replaces.numberAndSymbol", equalTo(replaced));
        assertThat(second.<String>path("numberAndSymbol")).isNotEqualTo(replaced);
        assertThat(DocumentFiles.pdfText(file("viewer", id, "pdf"))).contains(
                "Số: " + second.path("numberAndSymbol"), "Bắc Kạn, ngày 04 tháng 7 năm 2022",
                "Thông báo này thay thế Thông báo số " + replaced + " ngày 28/6/2022 của UBND thành phố.",
                DIRECTIVES[2] + ". Thời hạn: 15/10/2022.").doesNotContain("DỰ THẢO", DIRECTIVES[0]);
    }

    @Test
    void twoNoticesIssuedAtTheSameInstantGetConsecutiveNumbers() throws Exception {
        String a = juneBriefingPublished();
        String b = juneBriefingPublished();
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<Response> ra = CompletableFuture.supplyAsync(() -> await(together, () -> issue("secretariat", a, "2022-06-29")));
        CompletableFuture<Response> rb = CompletableFuture.supplyAsync(() -> await(together, () -> issue("secretariat", b, "2022-06-29")));
        Response x = ra.get();
        Response y = rb.get();
        x.then().statusCode(201);
        y.then().statusCode(201);
        int na = x.path("number");
        int nb = y.path("number");
        assertThat(Math.abs(na - nb)).isEqualTo(1);
        // Both again at once: the same numbers, nothing new in the register.
        CompletableFuture<Response> again = CompletableFuture.supplyAsync(() -> issue("secretariat", a, null));
        assertThat(issue("secretariat", a, null).<Integer>path("number")).isEqualTo(na);
        assertThat(again.get().<Integer>path("number")).isEqualTo(na);
        assertThat(ReadModel.count(dataSource, "select count(*) from official_document where meeting_id = ?::uuid", a))
                .isEqualTo(1);
    }

    @Test
    void narrativeAsWordHasTheNarrativesTitleAndParagraphs() throws Exception {
        String id = juneBriefingPublished();
        String title = as("viewer").get("/api/narratives/" + id).then().statusCode(200).extract().path("title");
        List<String> paragraphs = as("viewer").get("/api/narratives/" + id).then().extract().path("paragraphs");
        byte[] docx = as("viewer").get("/api/narratives/" + id + ".docx").then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .extract().asByteArray();
        String text = DocumentFiles.docxText(docx);
        assertThat(text).startsWith(DocumentFiles.flat(title));
        paragraphs.forEach(p -> assertThat(text).contains(DocumentFiles.flat(p)));
    }

    private static <T> T await(CyclicBarrier barrier, java.util.function.Supplier<T> action) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return action.get();
    }
}
