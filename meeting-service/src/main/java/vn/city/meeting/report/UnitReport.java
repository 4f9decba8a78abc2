package vn.city.meeting.report;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A unit's short written report of a period, one per section; the narrative quotes it under its section. */
@Entity
@Table(name = "unit_report")
public class UnitReport extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "unit_code")
        public String unitCode;
        public String period;
        @Enumerated(EnumType.STRING)
        public ReportSection section;

        public Key() {
        }

        public Key(String unitCode, String period, ReportSection section) {
            this.unitCode = unitCode;
            this.period = period;
            this.section = section;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(unitCode, k.unitCode) && Objects.equals(period, k.period)
                    && section == k.section;
        }

        @Override
        public int hashCode() {
            return Objects.hash(unitCode, period, section);
        }
    }

    @EmbeddedId
    public Key key;
    public String text;
    @Column(name = "written_by")
    public String writtenBy;
    @Column(name = "written_at")
    public OffsetDateTime writtenAt;
}
