-- Meetings, their agenda, opinions and conclusions (owned here).
create table meeting (
    id              uuid primary key,
    type            text        not null,
    title           text        not null,
    period          text        not null,
    starts_at       timestamptz not null,
    place           text,
    chair           text        not null,
    attendee_units  text        not null default '[]',
    attendee_people text        not null default '[]',
    attendance      text        not null default '[]',
    status          text        not null,
    status_note     text,
    created_by      text,
    created_at      timestamptz not null,
    concluded_at    timestamptz
);
create index meeting_period on meeting (period, starts_at);

create table agenda_item (
    id              uuid primary key,
    meeting_id      uuid        not null references meeting (id),
    position        int         not null,
    kind            text        not null,
    title           text        not null,
    presenting_unit text,
    document_kind   text,
    document_ref    text,
    outcome         text,
    outcome_note    text,
    decided_by      text,
    decided_at      timestamptz,
    task_id         uuid,
    created_at      timestamptz not null
);
create index agenda_item_meeting on agenda_item (meeting_id, position);
-- A carried-over task is proposed once per meeting.
create unique index agenda_item_carry_over on agenda_item (meeting_id, task_id) where task_id is not null;

create table opinion (
    id         uuid primary key,
    item_id    uuid        not null references agenda_item (id),
    member     text        not null,
    unit_code  text,
    stance     text        not null,
    text       text,
    given_at   timestamptz not null
);
create index opinion_item on opinion (item_id);

create table conclusion (
    id               uuid primary key,
    meeting_id       uuid        not null references meeting (id),
    version          int         not null,
    corrects_version int,
    status           text        not null,
    text             text        not null,
    directives       text        not null,
    drafted_by       text,
    drafted_at       timestamptz not null,
    published_by     text,
    published_at     timestamptz,
    unique (meeting_id, version)
);

-- The briefing pack as known when the meeting concluded (a JSON document, never updated).
create table frozen_pack (
    meeting_id uuid primary key references meeting (id),
    period     text        not null,
    frozen_at  timestamptz not null,
    document   text        not null
);

-- Read models built only from indicator-events and task-events.
create table unit_view (
    code        text primary key,
    name        text,
    kind        text,
    parent_code text,
    active      boolean     not null,
    received_at timestamptz not null
);

create table indicator_view (
    code         text primary key,
    name         text        not null,
    measure_unit text,
    nature       text,
    direction    text,
    owner_unit   text,
    category     text,
    active       boolean     not null,
    received_at  timestamptz not null
);

create table target_view (
    indicator_code  text        not null,
    year            int         not null,
    unit_key        text        not null, -- '' for the city-wide target
    value           numeric,
    kind            text,
    document_number text,
    revision        int,
    received_at     timestamptz not null,
    primary key (indicator_code, year, unit_key)
);

-- Every submission is kept, so a pack can be evaluated as known at any instant.
create table figure_submission_view (
    submission_id  text primary key,
    indicator_code text        not null,
    indicator_name text,
    measure_unit   text,
    nature         text,
    direction      text,
    unit_code      text        not null,
    period         text        not null,
    version        text,
    value          numeric,
    submitted_at   timestamptz,
    received_at    timestamptz not null,
    result         text        not null
);
create index figure_submission_period on figure_submission_view (period, indicator_code, received_at);

create table off_track_view (
    indicator_code     text        not null,
    unit_code          text        not null,
    period             text        not null,
    attainment_percent numeric,
    expected_percent   numeric,
    gap_points         numeric,
    received_at        timestamptz not null,
    primary key (indicator_code, unit_code, period)
);

create table task_view (
    task_id           uuid primary key,
    title             text,
    lead_unit         text,
    status            text        not null,
    period            text,
    deadline          date,
    ongoing           boolean     not null default false,
    overdue           boolean     not null default false,
    completed_at      timestamptz,
    completed_on_time boolean,
    assigned_at       timestamptz,
    source_kind       text,
    source_meeting_id uuid,
    event_time        timestamptz not null,
    received_at       timestamptz not null,
    snapshot          text        not null
);
create index task_view_source_meeting on task_view (source_meeting_id);
create index task_view_lead_unit on task_view (lead_unit);
