package vn.city.indicator.catalogue;

import java.util.List;

/** A catalogue entry to create or change, as the service takes it. */
public record IndicatorDefinition(String code,
        String name,
        String measureUnit,
        Nature nature,
        Direction direction,
        String ownerUnit,
        String category,
        Boolean active,
        Boolean allowNegative,
        List<String> reportingUnits,
        Aggregation aggregation,
        String numeratorCode,
        String denominatorCode,
        ChangeKind changeKind,
        Integer decimals) {
}
