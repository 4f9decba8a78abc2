package vn.city.indicator.figure;

import vn.city.indicator.result.FigureVersion;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One submission as the API shows it. */
public record FigureView(UUID submissionId, String indicatorCode, String unitCode, String period,
                         FigureVersion version, BigDecimal value, BigDecimal yearToDate, String submittedBy,
                         OffsetDateTime submittedAt, String note, boolean onTime, boolean outlier, String channel) {

    public static FigureView of(FigureSubmission s) {
        return new FigureView(s.id, s.indicatorCode, s.unitCode, s.period, s.version, ValueRules.normal(s.value),
                ValueRules.normal(s.yearToDate), s.submittedBy, s.submittedAt, s.note, s.onTime, s.outlier, s.channel);
    }
}
