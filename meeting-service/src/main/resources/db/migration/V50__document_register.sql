-- The register of official documents the city office issues (issue 18): numbers per issuing body, document type
-- and year, without gaps or duplicates. The counter row is incremented under its row lock in the same transaction
-- that writes the document, so concurrent issues queue on it and a rolled-back issue gives its number back.
create table document_counter (
    issuer      text not null,  -- the issuing body's symbol, e.g. UBND
    doc_type    text not null,  -- TB (thông báo), BC (báo cáo), ...
    year        int  not null,
    last_number int  not null,
    primary key (issuer, doc_type, year)
);

create table official_document (
    id                 uuid primary key,
    issuer             text        not null,
    doc_type           text        not null,
    year               int         not null,
    number             int         not null,
    meeting_id         uuid        not null references meeting (id),
    conclusion_id      uuid        not null references conclusion (id),
    conclusion_version int         not null,
    replaces_id        uuid references official_document (id),
    title              text        not null,
    signed_on          date        not null,
    issued_by          text        not null,
    issued_at          timestamptz not null,
    content            text        not null, -- the notice as issued (JSON), rendered again byte for byte in meaning
    unique (issuer, doc_type, year, number),
    unique (conclusion_id)
);
create index official_document_meeting on official_document (meeting_id, conclusion_version);
