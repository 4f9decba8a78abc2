package vn.city.indicator.figure.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.indicator.figure.FigureSubmission;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The queries of submitted figures. */
@ApplicationScoped
public class FigureRepository {

    /** Every submission of one figure made by {@code asOf}, oldest first. */
    public Uni<List<FigureSubmission>> history(String indicatorCode, String unitCode, String period, Instant asOf) {
        return FigureSubmission.list(
                "indicatorCode = ?1 and unitCode = ?2 and period = ?3 and submittedAt <= ?4 order by submittedAt",
                indicatorCode, unitCode, period, OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC));
    }

    /** Every submission of a period, of one unit or of all (unitCode null). */
    public Uni<List<FigureSubmission>> ofPeriod(String period, String unitCode) {
        return unitCode == null ? FigureSubmission.list("period = ?1", period)
                : FigureSubmission.list("period = ?1 and unitCode = ?2", period, unitCode);
    }
}
