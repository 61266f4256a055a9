-- attempt.created, the event of the busiest write, in one statement: the messages are inserted
-- straight from the transition table. Before, the trigger built arrays of the clients and the
-- events' data, and webhook_emit unnested them again after asking a second time whether anyone
-- subscribes: with one subscription, 0.49 ms of PostgreSQL per single attempt POST, where the
-- message's INSERT alone took 0.22 ms (docs/performance.md). Other events still go through
-- webhook_emit.
--
-- In both, the events are made once in a MATERIALIZED CTE and then joined to the endpoints. V18's
-- OFFSET 0 subquery kept the events whole, but nothing stopped a plan from putting it on the
-- inner side of the nested loop to the endpoints and running it again per endpoint: with two
-- subscriptions, one change would then have gone out as two events, with two ids and numbers.
create or replace function webhook_attempts_created() returns trigger
language plpgsql as $$
declare
    clinic uuid;
begin
    -- One clinic per statement: row-level security admits no other.
    select clinic_id into clinic from inserted_rows limit 1;
    -- Asked first, so that a clinic without subscribers builds no event and takes no number.
    if clinic is null or not webhook_subscribed(clinic, 'attempt.created', 0::smallint) then
        return null;
    end if;
    -- Volatile functions of a sorted select list run after the sort, so the numbers follow the
    -- attempts' order.
    with ev as materialized (
        select gen_random_uuid() as event_id, nextval('webhook_event_number') as number,
               clock_timestamp() as at, r.client_id,
               jsonb_build_object('attemptId', r.id, 'assignmentId', r.assignment_id,
                       'occurredAt', webhook_instant(r.occurred_at), 'receivedAt', webhook_instant(r.received_at),
                       'outcome', lower(r.outcome)) as data
        from inserted_rows r
        order by r.occurred_at, r.id)
    insert into webhook_message (clinic_id, id, endpoint_id, event_id, event_type, priority, status,
                                 next_attempt_at, retry_from, created_at, client_id, client_sequence, data)
    select clinic, gen_random_uuid(), e.id, ev.event_id, 'attempt.created', 0, 'pending', ev.at, ev.at, ev.at,
           ev.client_id, ev.number, ev.data
    from ev
    join webhook_endpoint e on e.clinic_id = clinic and e.enabled and 'attempt.created' = any (e.event_types);
    return null;
end;
$$;

create or replace function webhook_emit(p_clinic uuid, p_type text, p_priority smallint, p_clients uuid[],
        p_data jsonb[])
returns void
language plpgsql as $$
begin
    if p_clinic is null or not webhook_subscribed(p_clinic, p_type, p_priority) then
        return;
    end if;
    -- The numbers follow the elements' order (see above).
    with ev as materialized (
        select gen_random_uuid() as event_id, nextval('webhook_event_number') as number,
               clock_timestamp() as at, d.client_id, d.data
        from unnest(p_clients, p_data) with ordinality as d(client_id, data, position)
        order by d.position)
    insert into webhook_message (clinic_id, id, endpoint_id, event_id, event_type, priority, status,
                                 next_attempt_at, retry_from, created_at, client_id, client_sequence, data)
    select p_clinic, gen_random_uuid(), e.id, ev.event_id, p_type, p_priority, 'pending', ev.at, ev.at, ev.at,
           ev.client_id, ev.number, ev.data
    from ev
    join webhook_endpoint e on e.clinic_id = p_clinic and (e.enabled or p_priority > 0)
                               and p_type = any (e.event_types);
end;
$$;

-- Stable, as to_char is (it reads settings): declared immutable over a stable body, the planner
-- would not inline it, and ran it as a function call of its own twice per event.
create or replace function webhook_instant(t timestamptz) returns text
language sql stable as $$
    select rtrim(rtrim(to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), '0'), '.') || 'Z'
$$;
