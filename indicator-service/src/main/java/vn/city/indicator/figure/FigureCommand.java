package vn.city.indicator.figure;

import java.math.BigDecimal;
import vn.city.indicator.result.FigureVersion;

/** A figure to submit, as the service takes it (the API's SubmitFigure and the import rows map to it). */
public record FigureCommand(String indicatorCode,
        String unitCode,
        String period,
        FigureVersion version,
        BigDecimal value,
        String valueText,
        BigDecimal yearToDate,
        String measureUnit,
        String note) {
}
