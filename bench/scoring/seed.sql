-- One clinic with 10,000 clients (or psql -v clients=N), 3 assignments each (3 times a week), and
-- 26 weeks of attempts up to last week: about 3 million (300 per client). One client in ten stopped four weeks ago
-- (a relapse), one in ten missed last week (a slip); the rest practise 4 times a week.
\set clinic '''00000000-0000-4000-8000-0000000b3e11'''
\if :{?clients}
\else
\set clients 10000
\endif
begin;
-- The rows are generated consistent with each other: the triggers (the sync feed, webhooks) and the
-- foreign keys' row-by-row checks are off while seeding, and the keys are checked once at the end.
set local session_replication_role = replica;
delete from client_week_score where clinic_id = :clinic;
delete from client_score where clinic_id = :clinic;
delete from attempt where clinic_id = :clinic;
delete from assignment_revision where clinic_id = :clinic;
delete from assignment where clinic_id = :clinic;
delete from client_external_id where clinic_id = :clinic;
delete from client_time_zone where clinic_id = :clinic;
delete from client where clinic_id = :clinic;

create temporary table bench_start as
select (date_trunc('week', now() at time zone 'Europe/Berlin')::date - 26 * 7) as monday;

insert into client (id, clinic_id, display_name, time_zone, status, primary_clinician_id, version, created_at, updated_at)
select gen_random_uuid(), :clinic, 'Client ' || g, 'Europe/Berlin', 'ACTIVE', 'clinician-' || (g % 50), 0,
       now() + g * interval '1 microsecond', now()
from generate_series(1, :clients) g;

insert into client_time_zone (clinic_id, client_id, client_version, time_zone, effective_from, changed_at)
select clinic_id, id, version, time_zone, cast(created_at at time zone time_zone as date), created_at
from client where clinic_id = :clinic;

insert into assignment (id, clinic_id, client_id, goal_ids, title, kind, difficulty, schedule_type, times_per_week,
                        start_date, status, revision, effective_date, version, created_at, updated_at)
select gen_random_uuid(), :clinic, c.id, '{}', 'Exposure step ' || k, 'EXPOSURE', 20 * k, 'TIMES_PER_WEEK', 3,
       s.monday, 'ACTIVE', 1, s.monday, 0, now(), now()
from client c cross join generate_series(1, 3) k cross join bench_start s
where c.clinic_id = :clinic;

insert into assignment_revision (id, clinic_id, assignment_id, revision, effective_date, goal_ids, title, kind,
                                 difficulty, schedule_type, times_per_week, start_date, status, created_at)
select gen_random_uuid(), a.clinic_id, a.id, 1, a.effective_date, a.goal_ids, a.title, a.kind, a.difficulty,
       a.schedule_type, a.times_per_week, a.start_date, a.status, a.created_at
from assignment a where a.clinic_id = :clinic;

-- Attempts are loaded without their secondary indexes, which are then built once from their own
-- definitions: kept up row by row, they made 30 M inserts in random key order take most of an hour.
create temporary table bench_attempt_indexes on commit drop as
select indexname, indexdef from pg_indexes
where schemaname = current_schema() and tablename = 'attempt' and indexname <> 'attempt_pkey';
do $$
declare
    index_name text;
begin
    for index_name in select indexname from bench_attempt_indexes loop
        execute format('drop index %I', index_name);
    end loop;
end $$;

insert into attempt (id, clinic_id, client_id, assignment_id, occurred_at, received_at, outcome, obstacles,
                     suds_before, suds_peak, suds_after)
select gen_random_uuid(), a.clinic_id, a.client_id, a.id,
       (s.monday + w * 7 + n)::timestamp + interval '18 hours',
       (s.monday + w * 7 + n)::timestamp + interval '19 hours', 'COMPLETED', '',
       40, 70 - w, 30 - w / 2
from assignment a
cross join bench_start s
cross join generate_series(0, 25) w
cross join generate_series(1, 4) n
where a.clinic_id = :clinic
  and not (abs(hashtext(a.client_id::text)) % 10 = 0 and w >= 22)
  and not (abs(hashtext(a.client_id::text)) % 10 = 1 and w = 25);

set local maintenance_work_mem = '1GB';
do $$
declare
    definition text;
begin
    for definition in select indexdef from bench_attempt_indexes loop
        execute definition;
    end loop;
end $$;

-- What the foreign keys would have checked row by row, checked once.
do $$
begin
    if exists (select from attempt t where not exists (select from assignment a
                   where a.clinic_id = t.clinic_id and a.client_id = t.client_id and a.id = t.assignment_id))
       or exists (select from assignment a where not exists (select from client c
                   where c.clinic_id = a.clinic_id and c.id = a.client_id))
       or exists (select from assignment_revision r where not exists (select from assignment a
                   where a.clinic_id = r.clinic_id and a.id = r.assignment_id)) then
        raise exception 'the seeded rows break a foreign key';
    end if;
end $$;

-- Every client's score is stale: the service computes them all on the first report.
insert into client_score (clinic_id, client_id, data_version, scored_version)
select clinic_id, id, 1, 0 from client where clinic_id = :clinic;
commit;
-- Vacuumed as autovacuum would after so many inserts (it is off on the benchmark machine): scoring
-- reads attempts by index-only scans, which need the visibility map the vacuum sets.
vacuum analyze client; vacuum analyze client_time_zone; vacuum analyze assignment; vacuum analyze assignment_revision;
vacuum analyze attempt; vacuum analyze client_score;
select count(*) as attempts from attempt where clinic_id = :clinic;
