package vn.city.meeting.readmodel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** An organisation unit as announced by {@code unit-changed}. */
@Entity
@Table(name = "unit_view")
public class UnitView extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    public String kind;
    @Column(name = "parent_code")
    public String parentCode;
    public boolean active;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
}
