package vn.city.indicator.figure;

import vn.city.indicator.result.CityResultView;
import vn.city.indicator.result.Result;

import java.time.Instant;

/**
 * The answer to a submission: what was stored, whether it was on time, the unit's result and the city's (null when
 * the indicator has no city figure).
 */
public record FigureReceipt(FigureView figure, Instant deadline, Result result, CityResultView cityResult) {
}
