-- Attempts arrive in batches of up to 500 (POST /v1/sync/attempts), and the per-row trigger of
-- V5 cost about half the database time of each stored attempt: one PL/pgSQL call, one insert
-- and one foreign key check per row. Attempt inserts now record their changes once per
-- statement, from the statement's transition table: the same rows, in one insert.
create function change_log_record_inserted() returns trigger
language plpgsql as $$
begin
    insert into change_log (clinic_id, client_id, entity_type, entity_id)
    select clinic_id, client_id, tg_argv[0], id from inserted_rows;
    return null;
end;
$$;

drop trigger attempt_inserted on attempt;
create trigger attempt_inserted after insert on attempt
    referencing new table as inserted_rows
    for each statement execute function change_log_record_inserted('attempt');

-- The log is written only by these triggers, from rows whose own foreign keys already name an
-- existing client of the clinic; checking it again for every logged row bought nothing.
alter table change_log drop constraint change_log_clinic_id_client_id_fkey;

-- An attempt's client is its assignment's client. One foreign key now says so, and it checks
-- one parent row per attempt where the two keys of V1 (to the assignment and to the client)
-- checked two without relating them; the client is still checked, through the assignment.
alter table assignment add constraint assignment_owner unique (clinic_id, client_id, id);
alter table attempt
    drop constraint attempt_clinic_id_assignment_id_fkey,
    drop constraint attempt_clinic_id_client_id_fkey,
    add constraint attempt_of_owned_assignment foreign key (clinic_id, client_id, assignment_id)
        references assignment (clinic_id, client_id, id) not valid;
-- Not valid: the key holds for every attempt written from now on, and V7 checks the attempts
-- already stored without holding writes back while it reads them.
