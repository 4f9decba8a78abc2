package vn.city.meeting.pack;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The pack as known when the meeting concluded: a JSON document written once. */
@Entity
@Table(name = "frozen_pack")
public class FrozenPack extends PanacheEntityBase {
    @Id
    @Column(name = "meeting_id")
    public UUID meetingId;
    public String period;
    @Column(name = "frozen_at")
    public OffsetDateTime frozenAt;
    public String document;
}
