package vn.city.meeting.document.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** The request body of the notice API; the notice it answers with is the service's {@code NoticeRecord}. */
public final class NoticeDtos {

    private NoticeDtos() {
    }

    @Schema(description = "Optional: the date the notice is signed (ngày ký); default today in Vietnam. Not before the "
            + "meeting, not in the future.")
    public record IssueNotice(@Schema(example = "2022-06-30") LocalDate signedOn) {
    }
}
