-- The catalogue, units, successions, targets and deadlines are held in memory by every replica (CatalogueCache):
-- a change to any of them notifies the replicas at commit (rare writes; the notification's commit-time lock is
-- taken only by them).
create function indicator_catalogue_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('indicator_catalogue', TG_TABLE_NAME);
    return null;
end $$;
create trigger indicator_catalogue_changed after insert or update or delete on indicator
    for each statement execute function indicator_catalogue_notify();
create trigger org_unit_changed after insert or update or delete on org_unit
    for each statement execute function indicator_catalogue_notify();
create trigger unit_succession_changed after insert or update or delete on unit_succession
    for each statement execute function indicator_catalogue_notify();
create trigger target_changed after insert or update or delete on target
    for each statement execute function indicator_catalogue_notify();
create trigger reporting_deadline_changed after insert or update or delete on reporting_deadline
    for each statement execute function indicator_catalogue_notify();

-- Figure submissions no longer NOTIFY at commit: the notification queue's lock (Lock:object) serialised every
-- submitting transaction's commit. The relay looks at the outbox every city.outbox.idle-poll (50 ms here) instead.
drop trigger outbox_event_inserted on outbox_event;
