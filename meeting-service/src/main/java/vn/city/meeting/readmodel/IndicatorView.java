package vn.city.meeting.readmodel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** An indicator of the catalogue as announced by {@code indicator-changed}. */
@Entity
@Table(name = "indicator_view")
public class IndicatorView extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    @Column(name = "measure_unit")
    public String measureUnit;
    public String nature;
    public String direction;
    @Column(name = "owner_unit")
    public String ownerUnit;
    public String category;
    public boolean active;
    /** How indicator-service forms the city's figure: OWNER_REPORTED, SUM_OF_UNITS, WEIGHTED, NOT_AGGREGATED. */
    public String aggregation;
    @Column(name = "numerator_code")
    public String numeratorCode;
    @Column(name = "denominator_code")
    public String denominatorCode;
    /** How a change against last year is written: PERCENT, POINTS or UNITS (the measure unit itself). */
    @Column(name = "change_kind")
    public String changeKind;
    /** How many decimals a value is shown with. */
    public Integer decimals;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
}
