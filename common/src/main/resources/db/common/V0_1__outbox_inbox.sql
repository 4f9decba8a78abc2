-- Transactional outbox and consumer inbox, shared by every service (mechanism only, no domain data).

create table outbox_event (
    seq        bigserial primary key,
    id         uuid        not null unique,
    topic      text        not null,
    event_key  text        not null,
    type       text        not null,
    envelope   text        not null,
    created_at timestamptz not null default now(),
    sent_at    timestamptz
);
create index outbox_event_unsent on outbox_event (seq) where sent_at is null;

-- Wakes the relay when a transaction that wrote events commits (NOTIFY is delivered at commit).
create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox_event', '');
    return null;
end $$;
create trigger outbox_event_inserted after insert on outbox_event
    for each statement execute function outbox_event_notify();

create table inbox_event (
    consumer   text        not null,
    event_id   text        not null,
    event_type text        not null,
    applied_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
