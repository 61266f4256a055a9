-- attempt.created, the event of the busiest write, in one statement: the messages are inserted
-- straight from the transition table. Before, the trigger built arrays of the clients and the
-- events' data, and webhook_emit unnested them again after asking a second time whether anyone
-- subscribes; with one subscription that was about half of what the POST's outbox write cost
-- PostgreSQL (docs/performance.md). Other events still go through webhook_emit.
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
    insert into webhook_message (clinic_id, id, endpoint_id, event_id, event_type, priority, status,
                                 next_attempt_at, retry_from, created_at, client_id, client_sequence, data)
    select clinic, gen_random_uuid(), e.id, ev.event_id, 'attempt.created', 0, 'pending', ev.at, ev.at, ev.at,
           ev.client_id, ev.number, ev.data
    -- As in webhook_emit (V18): volatile functions of a sorted select list run after the sort, so
    -- the numbers follow the attempts' order; OFFSET 0 keeps one event per attempt whatever the join.
    from (select gen_random_uuid() as event_id, nextval('webhook_event_number') as number,
                 clock_timestamp() as at, r.client_id,
                 jsonb_build_object('attemptId', r.id, 'assignmentId', r.assignment_id,
                         'occurredAt', webhook_instant(r.occurred_at), 'receivedAt', webhook_instant(r.received_at),
                         'outcome', lower(r.outcome)) as data
          from inserted_rows r
          order by r.occurred_at, r.id
          offset 0) ev
    join webhook_endpoint e on e.clinic_id = clinic and e.enabled and 'attempt.created' = any (e.event_types);
    return null;
end;
$$;

-- Stable, as to_char is (it reads settings): declared immutable over a stable body, the planner
-- would not inline it, and ran it as a function call of its own twice per event.
create or replace function webhook_instant(t timestamptz) returns text
language sql stable as $$
    select rtrim(rtrim(to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), '0'), '.') || 'Z'
$$;
