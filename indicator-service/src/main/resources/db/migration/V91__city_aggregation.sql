-- Numbered after V90 (the benchmark table, already applied on existing databases) so Flyway applies it in order.
-- How each indicator's city figure is formed (issue 12), how its change is expressed and shown, and the revision of
-- each city result announced on city-result-changed.

alter table indicator
    add column aggregation      text not null default 'OWNER_REPORTED'
        check (aggregation in ('OWNER_REPORTED', 'SUM_OF_UNITS', 'WEIGHTED', 'NOT_AGGREGATED')),
    add column numerator_code   text references indicator (code),
    add column denominator_code text references indicator (code),
    add column change_kind      text not null default 'PERCENT' check (change_kind in ('PERCENT', 'POINTS', 'UNITS')),
    add column decimals         int  not null default 2 check (decimals between 0 and 6),
    add check ((aggregation = 'WEIGHTED') = (numerator_code is not null and denominator_code is not null));

update indicator set change_kind = case when nature = 'FLOW' then 'PERCENT'
                                        when measure_unit = '%' then 'POINTS' else 'UNITS' end;
-- Summed over the wards and communes: what the texts add up from the units (harvest, forest planted, jobs).
update indicator set aggregation = 'SUM_OF_UNITS' where code in ('GRAIN_OUTPUT', 'FOREST_PLANTED', 'JOBS_CREATED');
-- A commune's count of new-rural criteria is its own: there is no city figure.
update indicator set aggregation = 'NOT_AGGREGATED' where code = 'NTM_CRITERIA_MET';
update indicator set decimals = 0 where measure_unit in ('người', 'hộ', 'căn', 'sản phẩm', 'tiêu chí');
update indicator set decimals = 3 where code = 'BUDGET_REVENUE';

-- One row per indicator and period whose city result was announced: the revision only grows, and the digest of the
-- last announced result lets an unchanged result go unannounced.
create table city_result (
    indicator_code text        not null references indicator (code),
    period         text        not null,
    revision       int         not null,
    digest         text        not null,
    computed_at    timestamptz not null,
    primary key (indicator_code, period)
);

-- Announce the catalogue again with the new fields.
insert into outbox_event (id, topic, event_key, type, envelope)
select e.id, '${outbox-topic}', e.code, 'city.indicator.indicator-changed.v1',
       json_build_object(
           'specversion', '1.0', 'id', e.id::text, 'source', '/city/indicator-service',
           'type', 'city.indicator.indicator-changed.v1',
           'time', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'subject', e.code, 'datacontenttype', 'application/json',
           'data', json_build_object(
               'code', e.code, 'name', e.name, 'measureUnit', e.measure_unit, 'nature', e.nature,
               'direction', e.direction, 'ownerUnit', e.owner_unit, 'category', e.category, 'active', e.active,
               'allowNegative', e.allow_negative,
               'reportingUnits', to_json(string_to_array(e.reporting_units, ',')),
               'aggregation', e.aggregation, 'numeratorCode', e.numerator_code,
               'denominatorCode', e.denominator_code, 'changeKind', e.change_kind, 'decimals', e.decimals))::text
from (select gen_random_uuid() as id, i.* from indicator i order by i.code) e;
