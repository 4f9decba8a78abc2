package vn.city.indicator.event;

import vn.city.indicator.result.Direction;
import vn.city.indicator.result.FigureVersion;
import vn.city.indicator.result.Nature;
import vn.city.indicator.result.Result;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code figure-submitted}: a submission with the results it produced for its unit and for the city. */
public record FigureSubmitted(UUID submissionId, String indicatorCode, String indicatorName, String measureUnit,
                              Nature nature, Direction direction, String unitCode, String period,
                              FigureVersion version, BigDecimal value, String submittedBy,
                              OffsetDateTime submittedAt, boolean onTime, boolean outlier, Result result,
                              Result cityResult) {
}
