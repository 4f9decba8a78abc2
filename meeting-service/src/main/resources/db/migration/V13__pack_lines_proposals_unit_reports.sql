-- Issue 13: pack lines kept up to date as events arrive (a read is one query), agenda proposals, unit reports.

-- How indicator-service forms the city's figure and how its change and values are written (indicator-changed).
alter table indicator_view
    add column aggregation      text,
    add column numerator_code   text,
    add column denominator_code text,
    add column change_kind      text,
    add column decimals         int;

-- The city's result of an indicator for one period (city-result-changed): the highest revision wins.
create table city_result (
    indicator_code        text        not null,
    period                text        not null,
    indicator_name        text,
    measure_unit          text,
    nature                text,
    direction             text,
    category              text,
    owner_unit            text,
    aggregation           text,
    change_kind           text,
    decimals              int,
    formed_from_months    boolean     not null default false,
    value                 numeric,
    year_to_date          numeric,
    target                numeric,
    attainment_percent    numeric,
    expected_percent      numeric,
    same_period_last_year numeric,
    change                numeric,
    status                text        not null,
    current_version       text,
    partial               boolean     not null default false,
    contributing_units    text[]      not null default '{}',
    missing_units         text[]      not null default '{}',
    revision              bigint      not null,
    computed_at           timestamptz,
    cause                 text,
    received_at           timestamptz not null,
    primary key (indicator_code, period)
);
create index city_result_period on city_result (period);

-- Each unit's own result (figure-submitted.result), the newest submission per indicator, unit and period.
create table unit_result (
    indicator_code        text        not null,
    unit_code             text        not null,
    period                text        not null,
    value                 numeric,
    year_to_date          numeric,
    target                numeric,
    attainment_percent    numeric,
    expected_percent      numeric,
    same_period_last_year numeric,
    change                numeric,
    change_kind           text,
    status                text,
    current_version       text,
    submission_id         text        not null,
    submitted_at          timestamptz,
    received_at           timestamptz not null,
    primary key (indicator_code, unit_code, period)
);
create index unit_result_period on unit_result (period, indicator_code);

-- What task-service shows an officer: tasks its unit leads or coordinates.
alter table task_view add column coordinating_units text[] not null default '{}';
create index task_view_period on task_view (period);
create index task_view_deadline on task_view (deadline);

-- An off-track indicator proposed as an agenda item (kind OFF_TRACK) once per meeting; accepted or dismissed
-- by the secretariat with a reason that is kept.
alter table agenda_item
    add column indicator_code       text,
    add column proposal_status      text,
    add column proposal_reason      text,
    add column proposal_decided_by  text,
    add column proposal_decided_at  timestamptz;
create unique index agenda_item_off_track on agenda_item (meeting_id, indicator_code) where indicator_code is not null;

-- A unit's short written report of a period, by section (economy, culture–society, defence and security).
create table unit_report (
    unit_code  text        not null,
    period     text        not null,
    section    text        not null,
    text       text        not null,
    written_by text,
    written_at timestamptz not null,
    primary key (unit_code, period, section)
);
create index unit_report_period on unit_report (period);
