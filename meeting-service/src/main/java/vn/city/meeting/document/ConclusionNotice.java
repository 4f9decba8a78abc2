package vn.city.meeting.document;

import java.util.List;

/**
 * A conclusion notice (thông báo kết luận) laid out as Decree 30/2020/NĐ-CP asks, independent of the file format:
 * the issuing body and the national motto at the top, number and symbol, place and date, the kind and subject, the
 * body, the recipients and the signature block. A draft has no number and no date and says "DỰ THẢO".
 */
public record ConclusionNotice(boolean draft, List<String> issuerLines, String number, String placeAndDate,
                               String documentKind, String subject, String replaces, List<String> opening,
                               List<Section> sections, String closing, List<String> recipients,
                               String signatureAuthority, String signaturePosition, String signerName) {

    public static final String DRAFT_MARK = "DỰ THẢO";
    public static final String NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
    public static final String RECIPIENTS_LABEL = "Nơi nhận:";

    /** A numbered part of the body ("1. Về các nội dung xin ý kiến"), made of groups of lines. */
    public record Section(String heading, List<Group> groups) {
    }

    /** Lines under an optional heading: the directives of one lead unit ("3.1. Phòng Tài nguyên và Môi trường"). */
    public record Group(String heading, List<String> lines) {
    }
}
