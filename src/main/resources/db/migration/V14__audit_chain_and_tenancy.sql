-- The audit trail (V11) under V10's tenancy, and what its chain and retention need.
--
-- 1. A block's event hashes as one value: their 32-byte SHA-256s one after the other, in the
--    order of event_seqs, so that block_hash = sha256(previous_hash || event_hashes). No block
--    was sealed before this migration (V11 came without a sealer), so no value is converted.
alter table audit_seal alter column event_hashes type bytea using ''::bytea;

-- 2. Row-level security as V10 sets it on every table with clinic data: a transaction sees and
--    writes only the audit rows of the clinic its app.clinic_id names.
alter table audit_event enable row level security, force row level security;
alter table audit_seal enable row level security, force row level security;
create policy clinic_isolation on audit_event
    using (clinic_id = cast(nullif(current_setting('app.clinic_id', true), '') as uuid))
    with check (clinic_id = cast(nullif(current_setting('app.clinic_id', true), '') as uuid));
create policy clinic_isolation on audit_seal
    using (clinic_id = cast(nullif(current_setting('app.clinic_id', true), '') as uuid))
    with check (clinic_id = cast(nullif(current_setting('app.clinic_id', true), '') as uuid));

-- 3. The service's role may write and read the trail, never change or delete it (the triggers
--    of V11 hold every role to that, the owner included).
grant select, insert on audit_event, audit_seal to "${app_role}";

-- 4. The retention cleanup, the one way audit rows are deleted: whole sealed blocks whose newest
--    event is older than the cutoff, oldest first per clinic (a block goes only when every older
--    block goes too), so what is kept still verifies from its first block. It runs with the rights
--    of the role that migrated (security definer), so the service's role needs no DELETE, and it
--    refuses a cutoff younger than six years whoever calls it. Row-level security holds the owner
--    too, so it works one clinic of V10's registry at a time.
create function audit_delete_expired(cutoff timestamptz) returns bigint
language plpgsql security definer set search_path from current as $$
declare
    registered uuid;
    clinic_deleted bigint;
    deleted bigint := 0;
begin
    if cutoff > clock_timestamp() - interval '6 years' then
        raise exception 'audit events are kept at least six years' using errcode = 'insufficient_privilege';
    end if;
    for registered in select clinic_id from clinic loop
        perform set_config('app.clinic_id', registered::text, true);
        with expired as (
            delete from audit_seal s
            where s.newest_event_at < cutoff
              and not exists (select 1 from audit_seal younger
                              where younger.clinic_id = s.clinic_id and younger.block_no < s.block_no
                                and younger.newest_event_at >= cutoff)
            returning s.clinic_id, s.event_seqs)
        delete from audit_event e using expired x where e.clinic_id = x.clinic_id and e.seq = any(x.event_seqs);
        get diagnostics clinic_deleted = row_count;
        deleted := deleted + clinic_deleted;
    end loop;
    perform set_config('app.clinic_id', '', true);
    return deleted;
end;
$$;
revoke execute on function audit_delete_expired(timestamptz) from public;
grant execute on function audit_delete_expired(timestamptz) to "${app_role}";
