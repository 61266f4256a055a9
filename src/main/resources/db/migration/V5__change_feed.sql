-- The change feed (GET /v1/sync/changes): every insert or update of a goal, an assignment or
-- an attempt appends a row here, written by triggers so that no write path (JPA, native
-- inserts, batch inserts) can forget it.
--
-- txid is the writing transaction's id. Readers deliver only rows whose txid is below the
-- xmin of their own snapshot, in (txid, seq) order: every transaction below xmin has ended,
-- so no row can later appear behind a reader's cursor, even when transactions commit in
-- another order than they started (see sync/ChangeLogRepository).
create table change_log (
    seq         bigserial    primary key,
    clinic_id   uuid         not null,
    client_id   uuid         not null,
    txid        xid8         not null default pg_current_xact_id(),
    entity_type varchar(16)  not null check (entity_type in ('goal', 'assignment', 'attempt')),
    entity_id   uuid         not null,
    changed_at  timestamptz  not null default clock_timestamp(),
    foreign key (clinic_id, client_id) references client (clinic_id, id)
);
create index change_log_by_client on change_log (clinic_id, client_id, txid, seq);

create function change_log_record() returns trigger
language plpgsql as $$
begin
    insert into change_log (clinic_id, client_id, entity_type, entity_id)
    values (new.clinic_id, new.client_id, tg_argv[0], new.id);
    return null;
end;
$$;

-- Updates that change nothing (old = new) are not changes a device needs to hear about.
create trigger goal_inserted after insert on goal
    for each row execute function change_log_record('goal');
create trigger goal_updated after update on goal
    for each row when (old is distinct from new) execute function change_log_record('goal');
create trigger assignment_inserted after insert on assignment
    for each row execute function change_log_record('assignment');
create trigger assignment_updated after update on assignment
    for each row when (old is distinct from new) execute function change_log_record('assignment');
create trigger attempt_inserted after insert on attempt
    for each row execute function change_log_record('attempt');
create trigger attempt_updated after update on attempt
    for each row when (old is distinct from new) execute function change_log_record('attempt');
