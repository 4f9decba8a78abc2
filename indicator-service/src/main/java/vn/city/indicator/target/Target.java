package vn.city.indicator.target;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One revision of an indicator's annual target, for the city (unit null) or one unit; the highest revision stands. */
@Entity
@Table(name = "target")
public class Target extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "indicator_code")
    public String indicatorCode;
    public int year;
    @Column(name = "unit_code")
    public String unitCode;
    public BigDecimal value;
    @Enumerated(EnumType.STRING)
    public TargetKind kind;
    @Column(name = "document_number")
    public String documentNumber;
    @Column(name = "document_date")
    public LocalDate documentDate;
    public int revision;
    public String note;
    @Column(name = "set_by")
    public String setBy;
    @Column(name = "set_at")
    public OffsetDateTime setAt;
}
