package vn.city.indicator.catalogue;

import vn.city.indicator.result.Direction;
import vn.city.indicator.result.Nature;

import java.util.List;

/** An indicator as the API shows it; also the data of {@code indicator-changed}. */
public record IndicatorView(String code, String name, String measureUnit, Nature nature, Direction direction,
                            String ownerUnit, String category, boolean active, boolean allowNegative,
                            List<String> reportingUnits) {

    public static IndicatorView of(Indicator i) {
        return new IndicatorView(i.code, i.name, i.measureUnit, i.nature, i.direction, i.ownerUnit, i.category,
                i.active, i.allowNegative, i.reportingUnitList());
    }
}
