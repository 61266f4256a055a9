-- The database enforces tenancy too. The service connects as its own role (${app_role}, the
-- setting DB_USER), which owns no table and cannot bypass row-level security; Flyway runs as the
-- owner (MIGRATION_DB_USER). On every table holding clinic data a transaction sees and writes only
-- the rows of the clinic named by its setting app.clinic_id, which the service sets from the
-- caller's token at the start of each transaction (security/ClinicScope). A transaction that
-- names no clinic sees no rows and can write none.
--
-- The owner is held to the same policies (FORCE). A later migration that reads or rewrites clinic
-- data as a role that is not a superuser must lift that for its table first
-- (alter table ... no force row level security) and restore it after.

-- 1. The service's role: created when missing, as a login without a password (trust
--    authentication lets it in; elsewhere create it with a password before migrating).
do $$
begin
    if '${app_role}' = current_user then
        raise exception 'DB_USER must name another role than MIGRATION_DB_USER (%): the tables'' owner can switch row-level security off', current_user;
    end if;
    if not exists (select from pg_roles where rolname = '${app_role}') then
        create role "${app_role}" login;
    end if;
    if exists (select from pg_roles where rolname = '${app_role}' and (rolsuper or rolbypassrls)) then
        raise exception 'DB_USER (${app_role}) is a superuser or may bypass row-level security';
    end if;
end
$$;

-- 2. The keys of every table with clinic data lead with clinic_id, as they must once the database
--    is distributed by clinic (Citus keeps a clinic's rows on one node and can only enforce a key
--    that includes the distribution column). References already did; the keys of V1, V2 and V5
--    that stood on id alone become (clinic_id, id), and the keys they served are re-created on them.
alter table client_external_id drop constraint client_external_id_clinic_id_client_id_fkey;
alter table goal drop constraint goal_clinic_id_client_id_fkey;
alter table assignment drop constraint assignment_clinic_id_client_id_fkey;
alter table measurement drop constraint measurement_clinic_id_client_id_fkey;
alter table review drop constraint review_clinic_id_client_id_fkey;
alter table client_score drop constraint client_score_clinic_id_client_id_fkey;
alter table client_week_score drop constraint client_week_score_clinic_id_client_id_fkey;
alter table client_time_zone drop constraint client_time_zone_clinic_id_client_id_fkey;
alter table assignment_revision drop constraint assignment_revision_clinic_id_assignment_id_fkey;
alter table review_item drop constraint review_item_clinic_id_assignment_id_fkey;
alter table review_item drop constraint review_item_clinic_id_review_id_fkey;

alter table client drop constraint client_pkey, drop constraint client_clinic_id_id_key,
    add constraint client_pkey primary key (clinic_id, id);
alter table goal drop constraint goal_pkey, drop constraint goal_clinic_id_id_key,
    add constraint goal_pkey primary key (clinic_id, id);
alter table assignment drop constraint assignment_pkey, drop constraint assignment_clinic_id_id_key,
    add constraint assignment_pkey primary key (clinic_id, id);
alter table review drop constraint review_pkey, drop constraint review_clinic_id_id_key,
    add constraint review_pkey primary key (clinic_id, id);
alter table assignment_revision drop constraint assignment_revision_pkey,
    add constraint assignment_revision_pkey primary key (clinic_id, id);
alter table measurement drop constraint measurement_pkey,
    add constraint measurement_pkey primary key (clinic_id, id);
alter table client_external_id drop constraint client_external_id_pkey,
    add constraint client_external_id_pkey primary key (clinic_id, client_id, system, value);
alter table review_item drop constraint review_item_pkey, drop constraint review_item_review_id_assignment_id_key,
    add constraint review_item_pkey primary key (clinic_id, review_id, position),
    add constraint review_item_rates_each_assignment_once unique (clinic_id, review_id, assignment_id);
alter table change_log drop constraint change_log_pkey,
    add constraint change_log_pkey primary key (clinic_id, seq);

alter table client_external_id add constraint client_external_id_clinic_id_client_id_fkey
    foreign key (clinic_id, client_id) references client (clinic_id, id);
alter table goal add constraint goal_clinic_id_client_id_fkey
    foreign key (clinic_id, client_id) references client (clinic_id, id);
alter table assignment add constraint assignment_clinic_id_client_id_fkey
    foreign key (clinic_id, client_id) references client (clinic_id, id);
alter table measurement add constraint measurement_clinic_id_client_id_fkey
    foreign key (clinic_id, client_id) references client (clinic_id, id);
alter table review add constraint review_clinic_id_client_id_fkey
    foreign key (clinic_id, client_id) references client (clinic_id, id);
alter table client_score add constraint client_score_clinic_id_client_id_fkey
    foreign key (clinic_id, client_id) references client (clinic_id, id);
alter table client_week_score add constraint client_week_score_clinic_id_client_id_fkey
    foreign key (clinic_id, client_id) references client (clinic_id, id);
alter table client_time_zone add constraint client_time_zone_clinic_id_client_id_fkey
    foreign key (clinic_id, client_id) references client (clinic_id, id);
alter table assignment_revision add constraint assignment_revision_clinic_id_assignment_id_fkey
    foreign key (clinic_id, assignment_id) references assignment (clinic_id, id);
alter table review_item add constraint review_item_clinic_id_assignment_id_fkey
    foreign key (clinic_id, assignment_id) references assignment (clinic_id, id);
alter table review_item add constraint review_item_clinic_id_review_id_fkey
    foreign key (clinic_id, review_id) references review (clinic_id, id);

-- 3. The clinics that have data: the list that background work (score refresh, expired key
--    cleanup) walks, doing each clinic's work in a transaction scoped to that clinic. Ids only, so
--    every transaction may read it; a clinic is added by the first client or Idempotency-Key it
--    stores.
create table clinic (
    clinic_id uuid primary key
);
insert into clinic (clinic_id)
select clinic_id from client union select clinic_id from idempotency_key;

create function clinic_register() returns trigger
language plpgsql as $$
begin
    insert into clinic (clinic_id) values (new.clinic_id) on conflict do nothing;
    return null;
end;
$$;
create trigger client_registers_clinic after insert on client
    for each row execute function clinic_register();
create trigger idempotency_key_registers_clinic after insert on idempotency_key
    for each row execute function clinic_register();

-- The cleanup now deletes a clinic's expired keys at a time.
drop index idempotency_key_by_expiry;
create index idempotency_key_by_expiry on idempotency_key (clinic_id, expires_at);

-- 4. Row-level security on every table with a clinic_id column. current_setting(..., true) is null
--    when the transaction named no clinic, and '' on a connection where an earlier transaction
--    named one: both match no row.
do $$
declare
    clinic_table text;
begin
    for clinic_table in
        select c.table_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema() and c.column_name = 'clinic_id' and t.table_type = 'BASE TABLE'
          and c.table_name <> 'clinic'
    loop
        execute format('alter table %I enable row level security, force row level security', clinic_table);
        execute format('create policy clinic_isolation on %I'
                || ' using (clinic_id = cast(nullif(current_setting(''app.clinic_id'', true), '''') as uuid))'
                || ' with check (clinic_id = cast(nullif(current_setting(''app.clinic_id'', true), '''') as uuid))',
                clinic_table);
    end loop;
end
$$;

alter table clinic enable row level security, force row level security;
create policy clinic_listed on clinic for select using (true);
create policy clinic_registers_itself on clinic for insert
    with check (clinic_id = cast(nullif(current_setting('app.clinic_id', true), '') as uuid));

-- 5. What the service does, and no more: records that are never edited get no UPDATE, and only
--    what is replaced or expires gets DELETE.
grant usage on schema "${flyway:defaultSchema}" to "${app_role}";
grant select, insert, update on client, goal, assignment, clinic_settings, client_score to "${app_role}";
grant select, insert on assignment_revision, attempt, measurement, review, review_item, client_time_zone,
    change_log, clinic to "${app_role}";
grant select, insert, delete on client_external_id, clinic_instrument, client_week_score to "${app_role}";
grant select, insert, update, delete on idempotency_key to "${app_role}";
grant usage on sequence change_log_seq_seq to "${app_role}";
