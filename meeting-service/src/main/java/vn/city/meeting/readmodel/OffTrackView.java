package vn.city.meeting.readmodel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

/** An {@code indicator-off-track} flag, once per indicator, unit and period. */
@Entity
@Table(name = "off_track_view")
public class OffTrackView extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "indicator_code")
        public String indicatorCode;
        @Column(name = "unit_code")
        public String unitCode;
        public String period;

        public Key() {
        }

        public Key(String indicatorCode, String unitCode, String period) {
            this.indicatorCode = indicatorCode;
            this.unitCode = unitCode;
            this.period = period;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(indicatorCode, k.indicatorCode)
                    && Objects.equals(unitCode, k.unitCode) && Objects.equals(period, k.period);
        }

        @Override
        public int hashCode() {
            return Objects.hash(indicatorCode, unitCode, period);
        }
    }

    @EmbeddedId
    public Key key;
    @Column(name = "attainment_percent")
    public BigDecimal attainmentPercent;
    @Column(name = "expected_percent")
    public BigDecimal expectedPercent;
    @Column(name = "gap_points")
    public BigDecimal gapPoints;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
}
