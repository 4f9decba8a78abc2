-- deploy/benchmark only (built with -Pbench into target-bench/): the production artifact does not hold this table.
-- The benchmark's bare baseline (deploy/benchmark): the same single-row insert as a figure submission, into a table
-- of the same shape, without references, authentication, validation or outbox. The endpoint that writes it answers
-- 404 unless city.bench.enabled=true; the table stays empty everywhere else.
create table bench_baseline (
    id             uuid primary key,
    indicator_code text          not null,
    unit_code      text          not null,
    period         text          not null,
    period_kind    text          not null,
    period_year    int           not null,
    version        text          not null,
    value          numeric(20, 6) not null,
    year_to_date   numeric(20, 6),
    submitted_by   text          not null,
    submitted_at   timestamptz   not null,
    note           text,
    on_time        boolean       not null,
    outlier        boolean       not null,
    channel        text          not null
);
