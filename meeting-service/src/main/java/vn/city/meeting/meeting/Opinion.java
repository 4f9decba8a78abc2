package vn.city.meeting.meeting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "opinion")
public class Opinion extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "item_id")
    public UUID itemId;
    public String member;
    @Column(name = "unit_code")
    public String unitCode;
    @Enumerated(EnumType.STRING)
    public Stance stance;
    public String text;
    @Column(name = "given_at")
    public OffsetDateTime givenAt;
}
