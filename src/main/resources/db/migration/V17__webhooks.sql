-- Webhooks (issue 11): a clinic's endpoints, the transactional outbox of events, one message per
-- event and subscribed endpoint, and every delivery attempt.
--
-- Events are written by triggers in the transaction of the change itself (as change_log in V5),
-- so no write path can forget one, and only when an enabled endpoint of the clinic subscribes to
-- the event's type: a clinic without subscribers pays one index lookup per write statement.
-- Dispatchers on every instance claim due messages with FOR UPDATE SKIP LOCKED and a lease
-- (webhook/WebhookOutbox); a dispatcher that dies holding claims loses them when the lease ends.

create table webhook_endpoint (
    clinic_id              uuid          not null,
    id                     uuid          not null,
    url                    varchar(2048) not null,
    event_types            text[]        not null,
    description            varchar(500),
    enabled                boolean       not null,
    -- The signing secrets as shown to the clinic ('whsec_' + base64); the previous one keeps
    -- signing until previous_secret_until, so receivers can switch without losing a message.
    secret                 varchar(100)  not null,
    previous_secret        varchar(100),
    previous_secret_until  timestamptz,
    -- Set at the first failed attempt after a success; the endpoint is disabled when it has
    -- failed continuously for WEBHOOK_DISABLE_AFTER.
    failing_since          timestamptz,
    disabled_reason        varchar(200),
    disabled_at            timestamptz,
    version                bigint        not null,
    created_at             timestamptz   not null,
    updated_at             timestamptz   not null,
    primary key (clinic_id, id)
);
create index webhook_endpoint_by_clinic on webhook_endpoint (clinic_id, created_at, id);

-- The clinics that have (or had) an endpoint: ids only, readable by every transaction, like V10's
-- clinic table. Dispatchers walk it and claim each clinic's messages in a transaction scoped to
-- that clinic, so a clinic without webhooks costs them nothing.
create table webhook_clinic (
    clinic_id uuid primary key
);

create function webhook_clinic_register() returns trigger
language plpgsql as $$
begin
    insert into webhook_clinic (clinic_id) values (new.clinic_id) on conflict do nothing;
    return null;
end;
$$;
create trigger webhook_endpoint_registers_clinic after insert on webhook_endpoint
    for each row execute function webhook_clinic_register();

-- Each client's events are numbered 1, 2, 3, ... in the order their transactions took the number
-- (the row lock here orders a client's concurrent writers), so receivers can order what arrives
-- out of order.
create table webhook_client_sequence (
    clinic_id     uuid   not null,
    client_id     uuid   not null,
    last_sequence bigint not null,
    primary key (clinic_id, client_id)
);

create table webhook_event (
    clinic_id       uuid         not null,
    id              uuid         not null,
    type            varchar(40)  not null,
    client_id       uuid         not null,
    client_sequence bigint       not null,
    occurred_at     timestamptz  not null,
    -- ids, codes and figures only: never a name, a note or other free text
    data            jsonb        not null,
    primary key (clinic_id, id)
);

create table webhook_message (
    clinic_id         uuid         not null,
    id                uuid         not null,
    endpoint_id       uuid         not null,
    event_id          uuid         not null,
    event_type        varchar(40)  not null,
    -- Claimed ahead of the rest when higher (measurement.safety_flag: 1).
    priority          smallint     not null default 0,
    status            varchar(12)  not null check (status in ('pending', 'delivered', 'failed')),
    attempt_count     integer      not null default 0,
    next_attempt_at   timestamptz  not null,
    -- Retries end when an attempt fails at or after retry_until (see WEBHOOK_RETRY_FOR).
    retry_from        timestamptz  not null,
    lease_until       timestamptz,
    lease_token       uuid,
    last_attempt_at   timestamptz,
    delivered_at      timestamptz,
    created_at        timestamptz  not null,
    primary key (clinic_id, id),
    foreign key (clinic_id, endpoint_id) references webhook_endpoint (clinic_id, id) on delete cascade,
    foreign key (clinic_id, event_id) references webhook_event (clinic_id, id)
);
create index webhook_message_due on webhook_message (clinic_id, priority desc, next_attempt_at)
    where status = 'pending';
create index webhook_message_by_endpoint on webhook_message (clinic_id, endpoint_id, created_at, id);

create table webhook_attempt (
    clinic_id      uuid          not null,
    id             uuid          not null,
    message_id     uuid          not null,
    attempted_at   timestamptz   not null,
    status_code    integer,
    latency_ms     integer       not null,
    -- at most 1 KiB of what the receiver answered
    response_body  varchar(1024),
    -- why no status code came back, as a code: timeout, connection_failed, address_refused, ...
    error          varchar(40),
    outcome        varchar(12)   not null check (outcome in ('delivered', 'retrying', 'failed')),
    primary key (clinic_id, id),
    foreign key (clinic_id, message_id) references webhook_message (clinic_id, id) on delete cascade
);
create index webhook_attempt_by_message on webhook_attempt (clinic_id, message_id, attempted_at, id);

-- Row-level security as on every table with clinic data (V10).
do $$
declare
    clinic_table text;
begin
    foreach clinic_table in array array['webhook_endpoint', 'webhook_client_sequence', 'webhook_event',
            'webhook_message', 'webhook_attempt']
    loop
        execute format('alter table %I enable row level security, force row level security', clinic_table);
        execute format('create policy clinic_isolation on %I'
                || ' using (clinic_id = cast(nullif(current_setting(''app.clinic_id'', true), '''') as uuid))'
                || ' with check (clinic_id = cast(nullif(current_setting(''app.clinic_id'', true), '''') as uuid))',
                clinic_table);
    end loop;
end
$$;
alter table webhook_clinic enable row level security, force row level security;
create policy webhook_clinic_listed on webhook_clinic for select using (true);
create policy webhook_clinic_registers_itself on webhook_clinic for insert
    with check (clinic_id = cast(nullif(current_setting('app.clinic_id', true), '') as uuid));

-- An instant as RFC 3339 in UTC, without trailing zeros of the fraction.
create function webhook_instant(t timestamptz) returns text
language sql immutable as $$
    select rtrim(rtrim(to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), '0'), '.') || 'Z'
$$;

-- Whether an endpoint of the clinic subscribes to the type: an enabled one, or for an urgent event
-- (measurement.safety_flag) any, since it is kept for a disabled endpoint until it is enabled
-- again: it is the one event that must never be missed.
create function webhook_subscribed(p_clinic uuid, p_type text, p_priority smallint) returns boolean
language sql stable as $$
    select exists (select from webhook_endpoint e
                   where e.clinic_id = p_clinic and (e.enabled or p_priority > 0) and p_type = any (e.event_types))
$$;

-- Emits events of one type for one clinic: one per element of p_clients, with the data of the
-- same position. Nothing happens unless an enabled endpoint of the clinic subscribes to the type;
-- otherwise each event takes its client's next sequence number and becomes a message for every
-- subscribed endpoint. Called by the triggers below, and by the service for events no row change
-- carries (measurement.safety_flag, with priority 1).
create function webhook_emit(p_clinic uuid, p_type text, p_priority smallint, p_clients uuid[], p_data jsonb[])
returns void
language plpgsql as $$
begin
    if p_clinic is null or not webhook_subscribed(p_clinic, p_type, p_priority) then
        return;
    end if;
    -- The clients' kept scores first: a write marks its client's score (ScoreStore.markChanged)
    -- after its own event comes here, and a rescore holds the score when its status trigger comes
    -- here, so both take the score before the sequence and never wait for each other crosswise.
    perform from client_score s
    where s.clinic_id = p_clinic and s.client_id = any (p_clients)
    order by s.client_id
    for update;
    with items as (
        select d.client_id, d.data, row_number() over (partition by d.client_id order by d.ord) as nth
        from unnest(p_clients, p_data) with ordinality as d(client_id, data, ord)
    ), counts as (
        select client_id, count(*) as n from items group by client_id
    ), numbered as (
        insert into webhook_client_sequence as s (clinic_id, client_id, last_sequence)
        select p_clinic, client_id, n from counts
        on conflict (clinic_id, client_id) do update set last_sequence = s.last_sequence + excluded.last_sequence
        returning client_id, last_sequence
    ), events as (
        insert into webhook_event (clinic_id, id, type, client_id, client_sequence, occurred_at, data)
        select p_clinic, gen_random_uuid(), p_type, i.client_id, q.last_sequence - c.n + i.nth, clock_timestamp(),
               i.data
        from items i join counts c using (client_id) join numbered q using (client_id)
        returning id, occurred_at
    )
    insert into webhook_message (clinic_id, id, endpoint_id, event_id, event_type, priority, status,
                                 next_attempt_at, retry_from, created_at)
    select p_clinic, gen_random_uuid(), e.id, ev.id, p_type, p_priority, 'pending', ev.occurred_at, ev.occurred_at,
           ev.occurred_at
    from events ev
    join webhook_endpoint e on e.clinic_id = p_clinic and (e.enabled or p_priority > 0)
                               and p_type = any (e.event_types);
end;
$$;

-- attempt.created: once per statement from its transition table, as change_log (V6), so a batch
-- of 500 attempts costs one call.
create function webhook_attempts_created() returns trigger
language plpgsql as $$
declare
    clinic uuid;
    clients uuid[];
    datas jsonb[];
begin
    select min(clinic_id::text)::uuid into clinic from inserted_rows;
    -- Asked here too, so that a clinic without subscribers does not build the events' data.
    if clinic is null or not webhook_subscribed(clinic, 'attempt.created', 0::smallint) then
        return null;
    end if;
    select array_agg(client_id order by occurred_at, id),
           array_agg(jsonb_build_object('attemptId', id, 'assignmentId', assignment_id,
                   'occurredAt', webhook_instant(occurred_at), 'receivedAt', webhook_instant(received_at),
                   'outcome', lower(outcome)) order by occurred_at, id)
    into clients, datas
    from inserted_rows;
    perform webhook_emit(clinic, 'attempt.created', 0::smallint, clients, datas);
    return null;
end;
$$;
create trigger attempt_webhooks after insert on attempt
    referencing new table as inserted_rows
    for each statement execute function webhook_attempts_created();

create function webhook_row_changed() returns trigger
language plpgsql as $$
declare
    event_type text;
    data jsonb;
begin
    if tg_table_name = 'assignment' then
        event_type := case tg_op when 'INSERT' then 'assignment.created' else 'assignment.updated' end;
        data := jsonb_build_object('assignmentId', new.id, 'revision', new.revision, 'status', lower(new.status),
                'kind', lower(new.kind), 'effectiveDate', new.effective_date);
    elsif tg_table_name = 'goal' then
        event_type := case tg_op when 'INSERT' then 'goal.created' else 'goal.updated' end;
        data := jsonb_build_object('goalId', new.id, 'status', lower(new.status));
    elsif tg_table_name = 'measurement' then
        event_type := 'measurement.created';
        data := jsonb_build_object('measurementId', new.id, 'instrument', new.instrument, 'score', new.score,
                'measuredOn', new.measured_on);
    end if;
    perform webhook_emit(new.clinic_id, event_type, 0::smallint, array[new.client_id], array[data]);
    return null;
end;
$$;
create trigger assignment_webhooks after insert on assignment
    for each row execute function webhook_row_changed();
create trigger assignment_updated_webhooks after update on assignment
    for each row when (old is distinct from new) execute function webhook_row_changed();
create trigger goal_webhooks after insert on goal
    for each row execute function webhook_row_changed();
create trigger goal_updated_webhooks after update on goal
    for each row when (old is distinct from new) execute function webhook_row_changed();
create trigger measurement_webhooks after insert on measurement
    for each row execute function webhook_row_changed();

-- client.status_changed: the kept status moved, whoever moved it (a write's rescoring, a report,
-- the background refresh, a week that ended without a write). The row lock of client_score
-- orders concurrent writers, and a writer that finds the status already moved changes nothing,
-- so each move is one event. A client's first score is a move unless it is not_established.
create function webhook_status_changed() returns trigger
language plpgsql as $$
declare
    previous text;
begin
    if tg_op = 'UPDATE' then
        previous := old.status;
    end if;
    if previous is null and new.status = 'not_established' then
        return null;
    end if;
    perform webhook_emit(new.clinic_id, 'client.status_changed', 0::smallint, array[new.client_id],
            array[jsonb_strip_nulls(jsonb_build_object('previousStatus', previous, 'status', new.status,
                    'rule', new.status_json -> 'evidence' ->> 'rule', 'setbackWeeks', new.setback_weeks))]);
    return null;
end;
$$;
create trigger client_score_status_inserted after insert on client_score
    for each row when (new.status is not null) execute function webhook_status_changed();
create trigger client_score_status_changed after update of status on client_score
    for each row when (new.status is not null and old.status is distinct from new.status)
    execute function webhook_status_changed();

grant select, insert, update, delete on webhook_endpoint to "${app_role}";
grant select, insert, update on webhook_client_sequence, webhook_message to "${app_role}";
grant select, insert on webhook_event, webhook_attempt, webhook_clinic to "${app_role}";
