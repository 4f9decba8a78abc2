-- Organisation units as indicator-service announces them (read model, filled from unit-changed events only).
create table org_unit (
    code        text primary key,
    name        text        not null,
    kind        text,
    parent_code text,
    active      boolean     not null,
    valid_from  date,
    valid_to    date,
    updated_at  timestamptz not null default now()
);

create table task (
    id                        uuid primary key,
    title                     text        not null,
    content                   text        not null,
    source_kind               text        not null,
    source_meeting_id         text,
    source_conclusion_version integer,
    source_directive_id       text unique,
    source_document_number    text,
    source_document_date      date,
    -- natural key of a follow-up task (indicator/unit/period), so an indicator signal opens one task only
    source_ref                text unique,
    lead_unit                 text        not null,
    coordinating_units        text[]      not null default '{}',
    deadline                  date,
    ongoing                   boolean     not null,
    priority                  text        not null,
    indicator_codes           text[]      not null default '{}',
    period                    text        not null,
    status                    text        not null,
    assigned_by               text        not null,
    assigned_at               timestamptz not null,
    submitted_at              timestamptz,
    submitted_by              text,
    result                    text,
    completed_at              timestamptz,
    completed_on_time         boolean,
    progress_percent          integer     not null default 0,
    version                   bigint      not null default 0
);
create index task_lead_unit on task (lead_unit);
create index task_status_deadline on task (status, deadline);
create index task_meeting on task (source_meeting_id);
create index task_period on task (period);
create index task_coordinating on task using gin (coordinating_units);
create index task_indicators on task using gin (indicator_codes);

create table task_progress (
    id          uuid primary key,
    task_id     uuid        not null references task (id),
    unit_code   text        not null,
    percent     integer     not null check (percent between 0 and 100),
    text        text        not null,
    reported_by text        not null,
    reported_at timestamptz not null
);
create index task_progress_task on task_progress (task_id, reported_at);

-- Every deadline a task has had, in order; on-time is judged against the last one.
create table task_deadline (
    id       uuid primary key,
    task_id  uuid        not null references task (id),
    deadline date,
    ongoing  boolean     not null,
    kind     text        not null,
    reason   text,
    set_by   text        not null,
    set_at   timestamptz not null
);
create index task_deadline_task on task_deadline (task_id, set_at);

create table task_transition (
    id          uuid primary key,
    task_id     uuid        not null references task (id),
    action      text        not null,
    from_status text,
    to_status   text        not null,
    note        text,
    actor       text        not null,
    at          timestamptz not null
);
create index task_transition_task on task_transition (task_id, at);

create table extension_request (
    id                 uuid primary key,
    task_id            uuid        not null references task (id),
    current_deadline   date        not null,
    requested_deadline date        not null,
    reason             text        not null,
    requested_by       text        not null,
    requested_at       timestamptz not null,
    status             text        not null,
    decided_by         text,
    decided_at         timestamptz,
    decision_note      text
);
create index extension_request_task on extension_request (task_id);
-- at most one open request per task
create unique index extension_request_pending on extension_request (task_id) where status = 'PENDING';

-- One row per task and deadline: whoever inserts it (in the transaction that appends task-overdue) announces it.
create table task_overdue_notice (
    task_id    uuid        not null references task (id),
    deadline   date        not null,
    noticed_at timestamptz not null default now(),
    primary key (task_id, deadline)
);

-- The newest conclusion version applied per meeting: older or repeated versions change nothing.
create table conclusion_applied (
    meeting_id    text primary key,
    conclusion_id text,
    version       integer     not null,
    applied_at    timestamptz not null default now()
);
