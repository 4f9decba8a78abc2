package vn.city.indicator.reporting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.city.common.period.PeriodKind;

import java.time.OffsetDateTime;

/** A deadline day the secretariat set for one period kind, overriding the configured default. */
@Entity
@Table(name = "reporting_deadline")
public class ReportingDeadline extends PanacheEntityBase {

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "period_kind")
    public PeriodKind periodKind;
    @Column(name = "deadline_day")
    public int deadlineDay;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
