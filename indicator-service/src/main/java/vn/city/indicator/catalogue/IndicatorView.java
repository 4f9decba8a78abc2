package vn.city.indicator.catalogue;

import vn.city.indicator.catalogue.Aggregation;
import vn.city.indicator.catalogue.ChangeKind;
import vn.city.indicator.catalogue.Direction;
import vn.city.indicator.catalogue.Nature;

import java.util.List;

/** An indicator as the API shows it. */
public record IndicatorView(String code, String name, String measureUnit, Nature nature, Direction direction,
                            String ownerUnit, String category, boolean active, boolean allowNegative,
                            List<String> reportingUnits, Aggregation aggregation, String numeratorCode,
                            String denominatorCode, ChangeKind changeKind, int decimals) {

    public static IndicatorView of(Indicator i) {
        return new IndicatorView(i.code, i.name, i.measureUnit, i.nature, i.direction, i.ownerUnit, i.category,
                i.active, i.allowNegative, i.reportingUnitList(), i.aggregation, i.numeratorCode, i.denominatorCode,
                i.changeKind, i.decimals);
    }
}
