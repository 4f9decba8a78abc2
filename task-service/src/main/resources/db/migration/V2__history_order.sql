-- Insertion order of history rows: timestamps can tie (same instant, or a fixed clock), the sequence cannot.
alter table task_transition add column seq bigserial;
alter table task_deadline add column seq bigserial;
alter table task_progress add column seq bigserial;
alter table extension_request add column seq bigserial;
