-- Bulk imports run as jobs: one row per file (by its SHA-256, so the same file sent twice imports once), with its
-- progress and, when it was refused, the errors (up to a cap). Nothing of a refused file is stored.
create table import_job (
    id            uuid primary key,
    file_hash     text        not null unique,
    format        text        not null check (format in ('CSV', 'DHIS2')),
    state         text        not null check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    submitted_by  text        not null,
    created_at    timestamptz not null,
    finished_at   timestamptz,
    bytes         bigint      not null,
    rows_read     int         not null default 0,
    rows_rejected int         not null default 0,
    rows_written  int         not null default 0,
    percent       int         not null default 0,
    errors        text        not null default '[]',
    message       text
);
