-- Every table carries clinic_id (the tenant). Indexes that serve tenant queries lead with
-- it, and references between rows include it, so a row can never point into another clinic.

create table client (
    id                   uuid         primary key,
    clinic_id            uuid         not null,
    display_name         varchar(200),
    time_zone            varchar(64)  not null,
    treatment_start_date date,
    status               varchar(20)  not null,
    primary_clinician_id varchar(200),
    version              bigint       not null,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    unique (clinic_id, id)
);
create index client_by_clinic on client (clinic_id, created_at, id);
create index client_by_clinic_status on client (clinic_id, status, created_at, id);

-- How an EHR finds its patient: unique per clinic, not across clinics.
create table client_external_id (
    client_id uuid         not null,
    clinic_id uuid         not null,
    system    varchar(255) not null,
    value     varchar(255) not null,
    primary key (client_id, system, value),
    foreign key (clinic_id, client_id) references client (clinic_id, id)
);
create unique index client_external_id_unique_in_clinic on client_external_id (clinic_id, system, value);

create table goal (
    id                 uuid          primary key,
    clinic_id          uuid          not null,
    client_id          uuid          not null,
    title              varchar(200)  not null,
    description        varchar(4000),
    status             varchar(20)   not null,
    target_description varchar(1000),
    target_instrument  varchar(64),
    target_value       numeric(12, 3),
    target_due_date    date,
    start_date         date,
    version            bigint        not null,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null,
    unique (clinic_id, id),
    foreign key (clinic_id, client_id) references client (clinic_id, id)
);
create index goal_by_client on goal (clinic_id, client_id, created_at, id);

create table assignment (
    id             uuid          primary key,
    clinic_id      uuid          not null,
    client_id      uuid          not null,
    goal_ids       uuid[]        not null,
    title          varchar(200)  not null,
    instructions   varchar(4000),
    kind           varchar(32)   not null,
    difficulty     integer,
    schedule_type  varchar(20)   not null,
    times_per_week integer,
    days_of_week   varchar(27),
    due_date       date,
    start_date     date          not null,
    end_date       date,
    status         varchar(20)   not null,
    revision       integer       not null,
    effective_date date          not null,
    version        bigint        not null,
    created_at     timestamptz   not null,
    updated_at     timestamptz   not null,
    unique (clinic_id, id),
    foreign key (clinic_id, client_id) references client (clinic_id, id)
);
create index assignment_by_client on assignment (clinic_id, client_id, created_at, id);

-- Each revision is the whole assignment as it stood from effective_date on: scoring reads
-- the schedule that was in force in every past week from here.
create table assignment_revision (
    id             uuid          primary key,
    clinic_id      uuid          not null,
    assignment_id  uuid          not null,
    revision       integer       not null,
    effective_date date          not null,
    goal_ids       uuid[]        not null,
    title          varchar(200)  not null,
    instructions   varchar(4000),
    kind           varchar(32)   not null,
    difficulty     integer,
    schedule_type  varchar(20)   not null,
    times_per_week integer,
    days_of_week   varchar(27),
    due_date       date,
    start_date     date          not null,
    end_date       date,
    status         varchar(20)   not null,
    created_at     timestamptz   not null,
    unique (clinic_id, assignment_id, revision),
    foreign key (clinic_id, assignment_id) references assignment (clinic_id, id)
);

-- Attempt ids come from phones, so they are unique per clinic: an id used in another clinic
-- must neither collide nor reveal that it exists.
create table attempt (
    id               uuid             not null,
    clinic_id        uuid             not null,
    client_id        uuid             not null,
    assignment_id    uuid             not null,
    occurred_at      timestamptz      not null,
    received_at      timestamptz      not null,
    outcome          varchar(16)      not null,
    completion       double precision,
    duration_minutes integer,
    suds_before      integer,
    suds_peak        integer,
    suds_after       integer,
    quality_rating   integer,
    quality_rater    varchar(16),
    obstacles        varchar(200)     not null,
    note             varchar(2000),
    primary key (clinic_id, id),
    foreign key (clinic_id, assignment_id) references assignment (clinic_id, id),
    foreign key (clinic_id, client_id) references client (clinic_id, id)
);
create index attempt_by_assignment on attempt (clinic_id, assignment_id, occurred_at, id);
create index attempt_by_client on attempt (clinic_id, client_id, occurred_at, id);
