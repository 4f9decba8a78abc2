-- A version of the read model a period's pack is built from: every consumer transaction that changes it adds one
-- (in the same transaction), so a cached pack is served only while nothing it was built from has changed.
create table pack_version (
    id      int    primary key,
    version bigint not null
);
insert into pack_version (id, version) values (1, 0);
