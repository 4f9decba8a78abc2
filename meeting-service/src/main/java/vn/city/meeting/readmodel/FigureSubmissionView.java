package vn.city.meeting.readmodel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One {@code figure-submitted}: every submission is kept (never overwritten), so the pack can be evaluated as
 * known at any instant. {@code result} holds the JSON of the line the pack shows (cityResult when present).
 */
@Entity
@Table(name = "figure_submission_view")
public class FigureSubmissionView extends PanacheEntityBase {
    @Id
    @Column(name = "submission_id")
    public String submissionId;
    @Column(name = "indicator_code")
    public String indicatorCode;
    @Column(name = "indicator_name")
    public String indicatorName;
    @Column(name = "measure_unit")
    public String measureUnit;
    public String nature;
    public String direction;
    @Column(name = "unit_code")
    public String unitCode;
    public String period;
    public String version;
    public BigDecimal value;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
    public String result;
}
