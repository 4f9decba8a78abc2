package vn.city.indicator.catalogue;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** A catalogue entry ("chỉ tiêu"): what is measured, in which unit, how it adds up and who reports it. */
@Entity
@Table(name = "indicator")
public class Indicator extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    @Column(name = "measure_unit")
    public String measureUnit;
    @Enumerated(EnumType.STRING)
    public Nature nature;
    @Enumerated(EnumType.STRING)
    public Direction direction;
    @Column(name = "owner_unit")
    public String ownerUnit;
    public String category;
    public boolean active;
    @Column(name = "allow_negative")
    public boolean allowNegative;
    @Column(name = "reporting_units")
    public String reportingUnits;
    @Enumerated(EnumType.STRING)
    public Aggregation aggregation;
    @Column(name = "numerator_code")
    public String numeratorCode;
    @Column(name = "denominator_code")
    public String denominatorCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "change_kind")
    public ChangeKind changeKind;
    public int decimals;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public List<String> reportingUnitList() {
        if (reportingUnits == null || reportingUnits.isBlank()) {
            return List.of();
        }
        return Arrays.stream(reportingUnits.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public void reportingUnitList(List<String> codes) {
        reportingUnits = codes == null ? "" : String.join(",", codes);
    }

    /** An empty list means any unit may report it. */
    public boolean reportedBy(String unitCode) {
        List<String> units = reportingUnitList();
        return units.isEmpty() || units.contains(unitCode);
    }

    public boolean isPercent() {
        return MeasureUnit.PERCENT.equals(measureUnit);
    }
}
