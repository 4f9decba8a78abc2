package vn.city.meeting.document;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/** The letterhead of the documents the city office issues ({@code city.documents.*}). */
@ConfigMapping(prefix = "city.documents")
public interface DocumentSettings {

    /** The issuing body as printed top left, one entry a line. */
    @WithDefault("ỦY BAN NHÂN DÂN,THÀNH PHỐ BẮC KẠN")
    List<String> issuerLines();

    /** The issuing body in running text: "UBND thành phố". */
    @WithDefault("UBND thành phố")
    String issuerName();

    /** The issuing body's part of the symbol: TB-<b>UBND</b>; also the register's key. */
    @WithDefault("UBND")
    String issuerSymbol();

    /** The place written before the date (the locality where the body sits). */
    @WithDefault("Bắc Kạn")
    String place();

    @WithDefault("TM. ỦY BAN NHÂN DÂN")
    String signatureAuthority();

    @WithDefault("CHỦ TỊCH")
    String signaturePosition();

    @WithDefault("Lưu: VT.")
    String archive();

    /** The time zone in which a document's date is read. */
    @WithDefault("Asia/Ho_Chi_Minh")
    String zone();

    default NoticeComposer.Letterhead letterhead() {
        return new NoticeComposer.Letterhead(issuerLines(), issuerName(), issuerSymbol(), place(), signatureAuthority(),
                signaturePosition(), archive());
    }
}
