package vn.city.indicator.catalogue.event;

import vn.city.indicator.catalogue.Indicator;

import java.util.List;

/** {@code indicator-changed}: the wire form of a catalogue entry (asyncapi.yaml IndicatorChanged). */
public record IndicatorChanged(String code, String name, String measureUnit, String nature, String direction,
                               String ownerUnit, String category, boolean active, boolean allowNegative,
                               List<String> reportingUnits, String aggregation, String numeratorCode,
                               String denominatorCode, String changeKind, int decimals) {

    public static IndicatorChanged of(Indicator i) {
        return new IndicatorChanged(i.code, i.name, i.measureUnit, i.nature.name(), i.direction.name(), i.ownerUnit,
                i.category, i.active, i.allowNegative, i.reportingUnitList(), i.aggregation.name(), i.numeratorCode,
                i.denominatorCode, i.changeKind.name(), i.decimals);
    }
}
