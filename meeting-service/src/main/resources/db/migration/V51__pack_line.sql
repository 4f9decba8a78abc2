-- Issue 13, point 2: each pack line ready to serve. The consumers rebuild the line of an indicator and period in the
-- transaction of every event that changes it (city result, a unit's result, the indicator, its target, a unit's name),
-- so a pack read is one indexed query that concatenates the lines of its period, with no parsing or assembling.
create table if not exists pack_line (
    period         text        not null,
    indicator_code text        not null,
    off_track      boolean     not null,
    line           text        not null,  -- the pack's IndicatorLine as JSON
    refreshed_at   timestamptz not null,
    primary key (period, indicator_code)
);
