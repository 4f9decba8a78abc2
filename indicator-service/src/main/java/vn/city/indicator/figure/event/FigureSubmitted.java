package vn.city.indicator.figure.event;

import vn.city.indicator.result.event.CityResultPayload;
import vn.city.indicator.result.event.ResultPayload;

import vn.city.indicator.catalogue.Indicator;
import vn.city.indicator.result.CityAggregation;
import vn.city.indicator.result.FigureVersion;
import vn.city.indicator.result.Result;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code figure-submitted}: a submission with the results it produced for its unit and for the city. */
public record FigureSubmitted(UUID submissionId, String indicatorCode, String indicatorName, String measureUnit,
                              String nature, String direction, String unitCode, String period, String version,
                              BigDecimal value, String submittedBy, OffsetDateTime submittedAt, boolean onTime,
                              boolean outlier, ResultPayload result, CityResultPayload cityResult) {

    public static FigureSubmitted of(UUID id, Indicator ind, String unitCode, String period, FigureVersion version,
                                     BigDecimal value, String submittedBy, OffsetDateTime submittedAt, boolean onTime,
                                     boolean outlier, Result result, CityAggregation.CityResult city) {
        return new FigureSubmitted(id, ind.code, ind.name, ind.measureUnit, ind.nature.name(), ind.direction.name(),
                unitCode, period, version.name(), value, submittedBy, submittedAt, onTime, outlier,
                ResultPayload.of(result), CityResultPayload.of(city));
    }
}
