-- What scoring last said about each client, kept so that clinic reports read one row per
-- client instead of replaying attempts. A row is stale when data_version (bumped by every
-- write to the client's attempts, assignments, measurements or reviews) is ahead of
-- scored_version, when it was computed in an earlier week of the client's time zone, or
-- when scoring_version is older than the rules the service runs.
create table client_score (
    clinic_id                  uuid             not null,
    client_id                  uuid             not null,
    data_version               bigint           not null,
    scored_version             bigint           not null,
    scoring_version            integer          not null default 0,
    computed_at                timestamptz,
    computed_week              date,
    status                     varchar(20),
    fhir_achievement_status    varchar(20),
    engaged                    boolean,
    setback_weeks              integer,
    last_full_week_start       date,
    last_full_week_compliance  double precision,
    last_full_week_band        varchar(20),
    last_attempt_at            timestamptz,
    status_json                jsonb,
    primary key (clinic_id, client_id),
    foreign key (clinic_id, client_id) references client (clinic_id, id)
);

-- One row per client and ISO week (in the client's zone) with figures: mean compliance over
-- any range is a GROUP BY over these, never over attempts.
create table client_week_score (
    clinic_id       uuid             not null,
    client_id       uuid             not null,
    week_start      date             not null,
    in_progress     boolean          not null,
    expected        integer          not null,
    counted_credit  double precision not null,
    extra_practice  double precision not null,
    compliance      double precision,
    band            varchar(20),
    setback         boolean          not null,
    primary key (clinic_id, client_id, week_start),
    foreign key (clinic_id, client_id) references client (clinic_id, id)
);
create index client_week_score_by_week on client_week_score (clinic_id, week_start);
