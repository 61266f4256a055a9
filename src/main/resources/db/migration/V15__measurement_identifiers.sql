-- Identifiers another system gave a symptom score: an EHR that pushes a PHQ-9 total as a FHIR
-- Observation names it by its own identifier, and sends If-None-Exist on it, so a resend finds
-- the score it stored and stores nothing twice. Unique per clinic, like clients' external ids.
create table measurement_identifier (
    clinic_id      uuid         not null,
    system         varchar(255) not null,
    value          varchar(255) not null,
    measurement_id uuid         not null,
    primary key (clinic_id, system, value),
    foreign key (clinic_id, measurement_id) references measurement (clinic_id, id)
);
create index measurement_identifier_by_measurement on measurement_identifier (clinic_id, measurement_id);

alter table measurement_identifier enable row level security, force row level security;
create policy clinic_isolation on measurement_identifier
    using (clinic_id = cast(nullif(current_setting('app.clinic_id', true), '') as uuid))
    with check (clinic_id = cast(nullif(current_setting('app.clinic_id', true), '') as uuid));

-- Like the measurement it names: stored once, never edited or deleted by the service.
grant select, insert on measurement_identifier to "${app_role}";
