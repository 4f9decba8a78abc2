package vn.city.meeting.document;

import org.junit.jupiter.api.Test;
import vn.city.meeting.conclusion.Directive;
import vn.city.meeting.document.render.NoticeDocx;
import vn.city.meeting.document.render.NoticePdf;
import vn.city.meeting.meeting.ItemOutcome;
import vn.city.meeting.meeting.MeetingType;
import vn.city.common.period.Period;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The notice's wording and layout rules, and both files read back, without a server. */
class NoticeComposerTest {

    static final NoticeComposer.Letterhead CITY = new NoticeComposer.Letterhead(
            List.of("ỦY BAN NHÂN DÂN", "THÀNH PHỐ BẮC KẠN"), "UBND thành phố", "UBND", "Bắc Kạn",
            "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lưu: VT.");
    static final Map<String, String> NAMES = Map.of("ENV", "Phòng Tài nguyên và Môi trường",
            "W-SONGCAU", "Phường Sông Cầu", "C-NONGTHUONG", "Xã Nông Thượng", "C-DUONGQUANG", "Xã Dương Quang");

    static ConclusionNotice june(DocumentNumber number, LocalDate signedOn, NoticeComposer.Replaced replaces) {
        return NoticeComposer.compose(CITY,
                new NoticeComposer.MeetingFacts(MeetingType.MONTHLY_BRIEFING, "Họp giao ban tháng 7/2022",
                        Period.tryParse("2022-06").orElseThrow(), LocalDate.of(2022, 6, 28), "Phòng họp UBND thành phố",
                        "Dương Hữu Bường – Chủ tịch UBND thành phố", List.of("ENV", "W-SONGCAU")),
                List.of(new NoticeComposer.DecidedItem("Phương án bồi thường, hỗ trợ GPMB dự án Trường Mầm non Dương Quang",
                        "ENV", ItemOutcome.APPROVED, "Các thành viên dự họp nhất trí thông qua")),
                "Đề nghị thủ trưởng các cơ quan chủ động rà soát, thực hiện nghiêm túc các kết luận sau thanh tra.",
                List.of(new Directive(UUID.randomUUID(), null, "Quan tâm thực hiện công tác vệ sinh môi trường", "ENV",
                                List.of("C-NONGTHUONG", "C-DUONGQUANG"), null, true, Directive.Priority.NORMAL, List.of()),
                        new Directive(UUID.randomUUID(), null, "Diễn tập phòng cháy, chữa cháy rừng.", "W-SONGCAU",
                                List.of(), LocalDate.of(2022, 9, 30), false, Directive.Priority.HIGH, List.of())),
                code -> NAMES.getOrDefault(code, code), number, signedOn, replaces);
    }

    @Test
    void numberSymbolAndDateAsDecree30WritesThem() {
        assertThat(new DocumentNumber(125, DocumentType.TB, "UBND", 2022).display()).isEqualTo("Số: 125/TB-UBND");
        assertThat(new DocumentNumber(7, DocumentType.BC, "UBND", 2022).toString()).isEqualTo("07/BC-UBND");
        assertThat(VietnameseDate.placeAndDate("Bắc Kạn", LocalDate.of(2022, 6, 28)))
                .isEqualTo("Bắc Kạn, ngày 28 tháng 6 năm 2022");
        assertThat(VietnameseDate.longForm(LocalDate.of(2023, 2, 5))).isEqualTo("ngày 05 tháng 02 năm 2023");
    }

    @Test
    void issuedNoticeNamesUnitsGroupsDirectivesByLeadUnitAndListsRecipients() {
        ConclusionNotice n = june(new DocumentNumber(125, DocumentType.TB, "UBND", 2022), LocalDate.of(2022, 6, 28), null);
        assertThat(n.draft()).isFalse();
        assertThat(n.number()).isEqualTo("Số: 125/TB-UBND");
        assertThat(n.placeAndDate()).isEqualTo("Bắc Kạn, ngày 28 tháng 6 năm 2022");
        assertThat(n.subject()).isEqualTo(
                "Kết luận của đồng chí Dương Hữu Bường, Chủ tịch UBND thành phố tại cuộc họp giao ban tháng 6/2022");
        assertThat(n.sections()).extracting(ConclusionNotice.Section::heading).containsExactly(
                "1. Về các nội dung xin ý kiến", "2. Kết luận chung", "3. Nhiệm vụ trọng tâm tháng 7/2022");
        assertThat(n.sections().get(0).groups().get(0).lines()).containsExactly("- Phương án bồi thường, hỗ trợ GPMB dự án "
                + "Trường Mầm non Dương Quang (Phòng Tài nguyên và Môi trường trình): nhất trí thông qua. Các thành viên "
                + "dự họp nhất trí thông qua.");
        ConclusionNotice.Section tasks = n.sections().get(2);
        assertThat(tasks.groups()).extracting(ConclusionNotice.Group::heading)
                .containsExactly("3.1. Phòng Tài nguyên và Môi trường", "3.2. Phường Sông Cầu");
        assertThat(tasks.groups().get(0).lines()).containsExactly("- Quan tâm thực hiện công tác vệ sinh môi trường. "
                + "Đơn vị phối hợp: Xã Nông Thượng, Xã Dương Quang. Thời hạn: thường xuyên.");
        assertThat(tasks.groups().get(1).lines()).containsExactly(
                "- Diễn tập phòng cháy, chữa cháy rừng. Thời hạn: 30/9/2022.");
        assertThat(n.recipients()).containsExactly("- Phòng Tài nguyên và Môi trường;", "- Phường Sông Cầu;",
                "- Xã Nông Thượng;", "- Xã Dương Quang;", "- Lưu: VT.");
        assertThat(n.signatureAuthority()).isEqualTo("TM. ỦY BAN NHÂN DÂN");
        assertThat(n.signerName()).isEqualTo("Dương Hữu Bường");
    }

    @Test
    void draftHasNoNumberNoDateAndSaysSo() throws Exception {
        ConclusionNotice n = june(null, null, null);
        assertThat(n.draft()).isTrue();
        assertThat(n.number()).doesNotContainPattern("\\d");
        byte[] file = NoticePdf.render(n);
        DocumentFiles.firstPageAsPng(file, java.nio.file.Path.of("target", "documents", "notice-draft.png"));
        String pdf = DocumentFiles.pdfText(file);
        assertThat(pdf).contains("DỰ THẢO", "Số: /TB-UBND", "Bắc Kạn, ngày tháng năm")
                .doesNotContainPattern("Số: \\d");
        assertThat(DocumentFiles.docxText(NoticeDocx.render(n))).contains("DỰ THẢO").doesNotContainPattern("Số: \\d");
    }

    @Test
    void correctedNoticeNamesTheOneItReplaces() {
        ConclusionNotice n = june(new DocumentNumber(131, DocumentType.TB, "UBND", 2022), LocalDate.of(2022, 7, 4),
                new NoticeComposer.Replaced("125/TB-UBND", LocalDate.of(2022, 6, 28)));
        assertThat(n.replaces()).isEqualTo("Thông báo này thay thế Thông báo số 125/TB-UBND ngày 28/6/2022 của UBND thành phố.");
    }

    @Test
    void pdfEmbedsItsVietnameseFontAndReadsBack() throws Exception {
        ConclusionNotice n = june(new DocumentNumber(125, DocumentType.TB, "UBND", 2022), LocalDate.of(2022, 6, 28), null);
        byte[] pdf = NoticePdf.render(n);
        assertThat(DocumentFiles.pdfFonts(pdf)).isNotEmpty()
                .allSatisfy(f -> assertThat(f).contains("LiberationSerif").endsWith(" embedded"));
        DocumentFiles.firstPageAsPng(pdf, java.nio.file.Path.of("target", "documents", "notice-composed.png"));
        String text = DocumentFiles.pdfText(pdf);
        assertThat(text).contains("ỦY BAN NHÂN DÂN", "THÀNH PHỐ BẮC KẠN", ConclusionNotice.NATIONAL_TITLE,
                ConclusionNotice.MOTTO, "Số: 125/TB-UBND", "Bắc Kạn, ngày 28 tháng 6 năm 2022", "THÔNG BÁO",
                n.subject(), "Đơn vị phối hợp: Xã Nông Thượng, Xã Dương Quang. Thời hạn: thường xuyên.",
                "Nơi nhận:", "- Xã Dương Quang;", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Dương Hữu Bường")
                .doesNotContain("DỰ THẢO");
        String docx = DocumentFiles.docxText(NoticeDocx.render(n));
        assertThat(docx).contains(ConclusionNotice.NATIONAL_TITLE, "Số: 125/TB-UBND", "Bắc Kạn, ngày 28 tháng 6 năm 2022",
                n.subject(), "Diễn tập phòng cháy, chữa cháy rừng. Thời hạn: 30/9/2022.", "Nơi nhận:", "- Lưu: VT.");
    }
}
