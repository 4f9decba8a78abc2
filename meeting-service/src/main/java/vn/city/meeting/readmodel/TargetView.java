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

/** An annual target ({@code target-set}); its kind says whether the narrative writes "nghị quyết" or "KH". */
@Entity
@Table(name = "target_view")
public class TargetView extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "indicator_code")
        public String indicatorCode;
        public int year;
        /** Empty for the city-wide target. */
        @Column(name = "unit_key")
        public String unitKey;

        public Key() {
        }

        public Key(String indicatorCode, int year, String unitKey) {
            this.indicatorCode = indicatorCode;
            this.year = year;
            this.unitKey = unitKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && year == k.year && Objects.equals(indicatorCode, k.indicatorCode)
                    && Objects.equals(unitKey, k.unitKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(indicatorCode, year, unitKey);
        }
    }

    @EmbeddedId
    public Key key;
    public BigDecimal value;
    public String kind;
    @Column(name = "document_number")
    public String documentNumber;
    public Integer revision;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
}
