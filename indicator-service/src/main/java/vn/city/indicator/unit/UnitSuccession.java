package vn.city.indicator.unit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A predecessor unit continued by a successor from an effective date (merge, split or rename). */
@Entity
@Table(name = "unit_succession")
public class UnitSuccession extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "predecessor_code")
    public String predecessorCode;
    @Column(name = "successor_code")
    public String successorCode;
    @Enumerated(EnumType.STRING)
    public SuccessionKind kind;
    @Column(name = "effective_date")
    public LocalDate effectiveDate;
    public String note;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
