-- The audit trail (HIPAA 164.312(b)): one row per request that read or changed a client's
-- data, written by the service (audit/AuditTrail). Never a request or response body.
--
-- Append-only: a trigger refuses every UPDATE, TRUNCATE and every DELETE of a row younger
-- than six years (the HIPAA retention floor), whatever role asks, the owner included. Only the
-- retention cleanup deletes, and only what is older than that.
--
-- txid is the writing transaction's id. The sealer (audit/AuditSealer) hashes a clinic's events
-- into blocks in (txid, seq) order, taking only rows whose txid is below the xmin of its own
-- snapshot: every transaction below xmin has ended, so no event can later appear behind the
-- last sealed one, however transactions commit (the same rule as change_log in V5).
create table audit_event (
    clinic_id       uuid         not null,
    seq             bigint       generated always as identity,
    id              uuid         not null default gen_random_uuid(),
    txid            xid8         not null default pg_current_xact_id(),
    occurred_at     timestamptz  not null default clock_timestamp(),
    actor_subject   text,
    actor_roles     text         not null,
    actor_client_id uuid,
    operation       text         not null,
    resource_type   text         not null,
    resource_id     uuid,
    client_id       uuid,
    clients_covered integer,
    status          smallint     not null,
    request_id      text         not null,
    source_address  text,
    user_agent      text,
    primary key (clinic_id, seq)
);
create index audit_event_by_client on audit_event (clinic_id, client_id, seq) where client_id is not null;
create index audit_event_by_txid on audit_event (clinic_id, txid, seq);

-- Sealed blocks: each clinic's events, hashed in sealing order into a chain of blocks. A block
-- lists its events (seq and id) with each event's hash, so a verification names the event that
-- was edited or removed; block_hash = sha256(previous_hash || event_hashes...) chains the blocks.
create table audit_seal (
    clinic_id       uuid         not null,
    block_no        bigint       not null,
    previous_hash   bytea        not null,
    block_hash      bytea        not null,
    event_seqs      bigint[]     not null,
    event_ids       uuid[]       not null,
    event_hashes    bytea[]      not null,
    last_txid       xid8         not null,
    last_seq        bigint       not null,
    newest_event_at timestamptz  not null,
    sealed_at       timestamptz  not null default clock_timestamp(),
    primary key (clinic_id, block_no)
);

-- The one definition of an event's hash, used by the sealer and by the verification alike.
-- jsonb's text form is canonical; the instant goes in as epoch seconds, so the session's time
-- zone cannot change it.
create function audit_event_hash(e audit_event) returns bytea
language sql immutable as $$
    select sha256(convert_to(jsonb_build_array(
        e.clinic_id, e.seq, e.id, e.txid::text, extract(epoch from e.occurred_at), e.actor_subject,
        e.actor_roles, e.actor_client_id, e.operation, e.resource_type, e.resource_id, e.client_id,
        e.clients_covered, e.status, e.request_id, e.source_address, e.user_agent)::text, 'UTF8'))
$$;

-- tg_argv[0] names the row's instant: a row may go once it is older than six years.
create function audit_refuse_change() returns trigger
language plpgsql as $$
begin
    if tg_op = 'DELETE'
            and (to_jsonb(old) ->> tg_argv[0])::timestamptz < clock_timestamp() - interval '6 years' then
        return old;
    end if;
    raise exception 'the audit trail is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_refuse_change('occurred_at');
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_refuse_change('occurred_at');
create trigger audit_seal_append_only before update or delete on audit_seal
    for each row execute function audit_refuse_change('newest_event_at');
create trigger audit_seal_no_truncate before truncate on audit_seal
    for each statement execute function audit_refuse_change('newest_event_at');
