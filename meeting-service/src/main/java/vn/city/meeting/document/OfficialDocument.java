package vn.city.meeting.document;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A numbered document in the register: the notice of one published conclusion version, as issued. */
@Entity
@Table(name = "official_document")
public class OfficialDocument extends PanacheEntityBase {

    @Id
    public UUID id;
    public String issuer;
    @Column(name = "doc_type")
    public String docType;
    public int year;
    public int number;
    @Column(name = "meeting_id")
    public UUID meetingId;
    @Column(name = "conclusion_id")
    public UUID conclusionId;
    @Column(name = "conclusion_version")
    public int conclusionVersion;
    @Column(name = "replaces_id")
    public UUID replacesId;
    public String title;
    @Column(name = "signed_on")
    public LocalDate signedOn;
    @Column(name = "issued_by")
    public String issuedBy;
    @Column(name = "issued_at")
    public OffsetDateTime issuedAt;
    /** The {@link ConclusionNotice} as issued (JSON): the document stays as it was even if unit names change. */
    public String content;

    public DocumentNumber documentNumber() {
        return new DocumentNumber(number, DocumentType.valueOf(docType), issuer, year);
    }
}
