package vn.city.indicator.figure;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.city.common.period.Period;
import vn.city.indicator.result.FigurePoint;
import vn.city.indicator.result.FigureVersion;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One submission of a figure; never updated: a revision is a new submission. */
@Entity
@Table(name = "figure_submission")
public class FigureSubmission extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "indicator_code")
    public String indicatorCode;
    @Column(name = "unit_code")
    public String unitCode;
    public String period;
    @Column(name = "period_kind")
    public String periodKind;
    @Column(name = "period_year")
    public int periodYear;
    @Enumerated(EnumType.STRING)
    public FigureVersion version;
    public BigDecimal value;
    @Column(name = "year_to_date")
    public BigDecimal yearToDate;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    public String note;
    @Column(name = "on_time")
    public boolean onTime;
    public boolean outlier;
    public String channel;

    public FigurePoint point() {
        return new FigurePoint(unitCode, Period.parse(period), version, ValueRules.normal(value),
                ValueRules.normal(yearToDate), submittedAt.toInstant());
    }
}
