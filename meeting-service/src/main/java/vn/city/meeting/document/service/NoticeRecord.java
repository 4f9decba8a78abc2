package vn.city.meeting.document.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/*
 * documentId, signedOn, issuedAt: null until issued; replaces: the notice this one replaces (a corrected
 * conclusion), else null. Left without @Schema: an annotated reference is wrapped in allOf, which the response
 * validator checks against the referenced schema and so refuses null; plain ones are written nullable by common's
 * ContractFilter like every other property of an answer.
 */
@Schema(description = "A notice in the register, or the draft of the current conclusion when not yet issued")
public record NoticeRecord(
        UUID meetingId,
        @Schema(description = "DRAFT: not numbered yet (the files say DỰ THẢO); ISSUED: numbered",
                enumeration = {"DRAFT", "ISSUED"}) String status,
        @Schema(description = "The conclusion version the notice is written from") int conclusionVersion,
        UUID documentId,
        @Schema(nullable = true, description = "Number within the issuer's register of the year", example = "125")
        Integer number,
        @Schema(nullable = true, example = "125/TB-UBND") String numberAndSymbol,
        LocalDate signedOn,
        @Schema(example = "THÔNG BÁO Kết luận của đồng chí Dương Hữu Bường, Chủ tịch UBND thành phố tại cuộc họp giao ban tháng 6/2022")
        String title,
        Replaced replaces,
        @Schema(nullable = true) String issuedBy,
        OffsetDateTime issuedAt,
        @Schema(example = "/api/meetings/5b0c…/notice.docx") String docx,
        @Schema(example = "/api/meetings/5b0c…/notice.pdf") String pdf) {

    /** The notice this one replaces (the notice of the conclusion version before a correction). */
    public record Replaced(UUID documentId, String numberAndSymbol, LocalDate signedOn) {
    }
}
