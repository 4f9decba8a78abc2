-- Issue 12: a pack line that an event changed is marked here, in the event's transaction, and rebuilt shortly after,
-- once for all the events that changed it meanwhile (the pack-line sweep, or a pack read of its period, which builds
-- the marked lines of the period before serving). At the cut-off-day peak hundreds of figures a second change the
-- same lines (a month's figure changes its month, quarter, half year and year); rebuilding each line per event made
-- meeting-service's consumer the bottleneck of commit → briefing.
create table if not exists pack_line_pending (
    period         text        not null,
    indicator_code text        not null,
    marked_at      timestamptz not null,
    primary key (period, indicator_code)
);
