package vn.city.indicator.figure;

import vn.city.indicator.result.Result;

import java.time.Instant;

/** The answer to a submission: what was stored, whether it was on time, and the results it produced. */
public record FigureReceipt(FigureView figure, Instant deadline, Result result, Result cityResult) {
}
