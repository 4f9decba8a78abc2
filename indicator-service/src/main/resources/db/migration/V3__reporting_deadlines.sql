-- Deadline days set by the secretariat over the API; a period kind without a row uses the configured default.
create table reporting_deadline (
    period_kind  text primary key check (period_kind in ('MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR')),
    deadline_day int         not null check (deadline_day between 1 and 31),
    updated_by   text        not null,
    updated_at   timestamptz not null
);
