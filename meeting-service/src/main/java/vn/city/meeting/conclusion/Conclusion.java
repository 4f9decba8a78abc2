package vn.city.meeting.conclusion;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One version of a meeting's conclusion; a published version is final, a correction is the next version. */
@Entity
@Table(name = "conclusion")
public class Conclusion extends PanacheEntityBase {

    public static final String DRAFT = "DRAFT";
    public static final String PUBLISHED = "PUBLISHED";

    @Id
    public UUID id;
    @Column(name = "meeting_id")
    public UUID meetingId;
    public int version;
    @Column(name = "corrects_version")
    public Integer correctsVersion;
    public String status;
    public String text;
    /** JSON array of {@link Directive}. */
    public String directives;
    @Column(name = "drafted_by")
    public String draftedBy;
    @Column(name = "drafted_at")
    public OffsetDateTime draftedAt;
    @Column(name = "published_by")
    public String publishedBy;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
}
