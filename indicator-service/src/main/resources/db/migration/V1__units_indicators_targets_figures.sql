-- Organisation units, the indicator catalogue, targets (every revision) and figures (every submission).

create table org_unit (
    code        text primary key,
    name        text    not null,
    kind        text    not null check (kind in ('CITY', 'DEPARTMENT', 'WARD', 'COMMUNE')),
    parent_code text references org_unit (code),
    active      boolean not null default true,
    valid_from  date    not null,
    valid_to    date,
    updated_at  timestamptz not null default now(),
    check (valid_to is null or valid_to >= valid_from)
);

-- A merge, split or rename: the predecessor's figures stay its own; the successor's results include them for
-- periods that ended before the effective date.
create table unit_succession (
    id               bigserial primary key,
    predecessor_code text not null references org_unit (code),
    successor_code   text not null references org_unit (code),
    kind             text not null check (kind in ('MERGE', 'SPLIT', 'RENAME')),
    effective_date   date not null,
    note             text,
    recorded_by      text not null,
    recorded_at      timestamptz not null default now(),
    unique (predecessor_code, successor_code),
    check (predecessor_code <> successor_code)
);

-- The extensible list of measure units (tỷ đồng, tấn, %, …).
create table measure_unit (
    code text primary key,
    name text not null
);

create table indicator (
    code            text primary key,
    name            text    not null,
    measure_unit    text    not null references measure_unit (code),
    nature          text    not null check (nature in ('FLOW', 'LEVEL', 'PROGRESS')),
    direction       text    not null check (direction in ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER')),
    owner_unit      text    not null references org_unit (code),
    category        text    not null,
    active          boolean not null default true,
    allow_negative  boolean not null default false,
    -- comma-separated unit codes that report it (empty: any unit)
    reporting_units text    not null default '',
    updated_at      timestamptz not null default now()
);

create table target (
    id              bigserial primary key,
    indicator_code  text          not null references indicator (code),
    year            int           not null,
    unit_code       text references org_unit (code),
    value           numeric(20, 6) not null,
    kind            text          not null check (kind in ('RESOLUTION', 'PLAN')),
    document_number text          not null,
    document_date   date          not null,
    revision        int           not null,
    note            text,
    set_by          text          not null,
    set_at          timestamptz   not null
);
create unique index target_revision on target (indicator_code, year, coalesce(unit_code, ''), revision);

create table figure_submission (
    id             uuid primary key,
    indicator_code text          not null references indicator (code),
    unit_code      text          not null references org_unit (code),
    period         text          not null,
    period_kind    text          not null,
    period_year    int           not null,
    version        text          not null check (version in ('ESTIMATE', 'PRELIMINARY', 'OFFICIAL')),
    value          numeric(20, 6) not null,
    year_to_date   numeric(20, 6),
    submitted_by   text          not null,
    submitted_at   timestamptz   not null,
    note           text,
    on_time        boolean       not null,
    outlier        boolean       not null,
    channel        text          not null
);
create index figure_submission_lookup on figure_submission (indicator_code, period_year, unit_code);
create index figure_submission_period on figure_submission (period, unit_code);

-- One row per indicator, unit and period that went off track: the unique key is what makes the
-- indicator-off-track event go out once, whatever the replicas and concurrent submissions.
create table off_track_alert (
    indicator_code     text not null,
    unit_code          text not null,
    period             text not null,
    attainment_percent numeric(20, 6),
    expected_percent   numeric(20, 6),
    raised_at          timestamptz not null default now(),
    primary key (indicator_code, unit_code, period)
);
