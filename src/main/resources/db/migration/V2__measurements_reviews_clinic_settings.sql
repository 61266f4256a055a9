-- Scoring inputs: symptom measurements, clinicians' weekly reviews and each clinic's
-- scoring settings. Same rules as V1: every table carries clinic_id, tenant indexes lead
-- with it, and references include it so no row can point into another clinic.

-- Defaults live in code (scoring.ScoringSettings.DEFAULTS): a clinic has a row only once an
-- admin has saved its settings.
create table clinic_settings (
    clinic_id                    uuid             primary key,
    compliance_met               double precision not null,
    compliance_adequate          double precision not null,
    engagement_weeks             integer          not null,
    at_risk_weeks                integer          not null,
    relapse_weeks                integer          not null,
    recovering_weeks             integer          not null,
    symptom_relapse_measurements integer          not null,
    symptom_relapse_days         integer          not null,
    version                      bigint           not null,
    updated_at                   timestamptz      not null
);

-- The clinic's own instruments; the built-in ones (phq9, gad7, ybocs) are never stored.
create table clinic_instrument (
    clinic_id              uuid             not null references clinic_settings (clinic_id),
    code                   varchar(32)      not null,
    name                   varchar(100)     not null,
    min_score              double precision not null,
    max_score              double precision not null,
    threshold              double precision not null,
    lower_is_better        boolean          not null,
    reliable_change_points double precision,
    response_percent       double precision,
    primary key (clinic_id, code)
);

create table measurement (
    id          uuid             primary key,
    clinic_id   uuid             not null,
    client_id   uuid             not null,
    instrument  varchar(32)      not null,
    score       double precision not null,
    measured_on date             not null,
    note        varchar(1000),
    recorded_at timestamptz      not null,
    foreign key (clinic_id, client_id) references client (clinic_id, id)
);
create index measurement_by_client on measurement (clinic_id, client_id, measured_on, id);
-- Serves the check that a clinic's instrument is unused before it is removed or narrowed.
create index measurement_by_instrument on measurement (clinic_id, instrument, score);

-- One clinician's review of one ISO week; several reviews of the same week are all kept.
create table review (
    id                uuid          primary key,
    clinic_id         uuid          not null,
    client_id         uuid          not null,
    week_start        date          not null,
    obstacles         varchar(200)  not null,
    obstacles_note    varchar(2000),
    next_week_changes varchar(4000),
    reviewer_id       text          not null,
    created_at        timestamptz   not null,
    unique (clinic_id, id),
    foreign key (clinic_id, client_id) references client (clinic_id, id)
);
create index review_by_client on review (clinic_id, client_id, week_start, id);

-- The quality rating of each assignment the review covers, in the order the clinician gave them.
create table review_item (
    review_id     uuid          not null,
    position      integer       not null,
    clinic_id     uuid          not null,
    assignment_id uuid          not null,
    quality       integer       not null check (quality between 0 and 4),
    note          varchar(2000),
    primary key (review_id, position),
    unique (review_id, assignment_id),
    foreign key (clinic_id, review_id) references review (clinic_id, id),
    foreign key (clinic_id, assignment_id) references assignment (clinic_id, id)
);
