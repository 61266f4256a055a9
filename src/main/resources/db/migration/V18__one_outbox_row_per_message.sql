-- Webhooks cheaper to write (issue 11's budgets): an event becomes one outbox row per subscribed
-- endpoint, carrying the event itself, instead of an event row, a message row and the client's
-- counter row. The counter row was also a lock: every write of a client waited for the previous
-- one's commit.
--
-- Each event takes its number from one counter of the whole database (a sequence, never locked),
-- after the row lock that orders conflicting changes (the kept score's row for a status change,
-- the assignment's for its update), so conflicting changes of a client are numbered in the order
-- they committed. The numbers are not consecutive: a receiver orders by them, and finds missed
-- events with the clinic's change feed (GET /v1/sync/changes), not by gaps. The event's time is
-- its message's created_at.

-- Cost: the copy below rewrites every row of webhook_message (and its indexes) while ADD COLUMN's
-- lock blocks the outbox, and SET NOT NULL reads the table once more. That holds because V17 and
-- V18 ship in one release, before any clinic connects, so the table is empty wherever this runs. A
-- change of this kind to a live outbox of millions of rows would add the columns alone, backfill
-- in batches in later transactions, and validate NOT NULL through a CHECK added NOT VALID.
alter table webhook_message
    add column client_id       uuid,
    add column client_sequence bigint,
    -- ids, codes and figures only: never a name, a note or other free text
    add column data            jsonb;

update webhook_message m
set client_id = ev.client_id, client_sequence = ev.client_sequence, data = ev.data
from webhook_event ev
where ev.clinic_id = m.clinic_id and ev.id = m.event_id;

alter table webhook_message
    alter column client_id set not null,
    alter column client_sequence set not null,
    alter column data set not null,
    drop constraint webhook_message_clinic_id_event_id_fkey;

create sequence webhook_event_number;
-- Above every number already sent, so each client's numbers keep growing.
select setval('webhook_event_number', coalesce(max(client_sequence), 0) + 1, false) from webhook_message;
grant usage on sequence webhook_event_number to "${app_role}";

-- Emits events of one type for one clinic: one per element of p_clients, with the data of the
-- same position, as a message for every subscribed endpoint (the same event id for each).
-- Nothing is written, and no number taken, unless an endpoint subscribes. Called by V17's
-- triggers, and by the service for events no row change carries (measurement.safety_flag, with
-- priority 1).
create or replace function webhook_emit(p_clinic uuid, p_type text, p_priority smallint, p_clients uuid[],
        p_data jsonb[])
returns void
language plpgsql as $$
begin
    if p_clinic is null or not webhook_subscribed(p_clinic, p_type, p_priority) then
        return;
    end if;
    insert into webhook_message (clinic_id, id, endpoint_id, event_id, event_type, priority, status,
                                 next_attempt_at, retry_from, created_at, client_id, client_sequence, data)
    select p_clinic, gen_random_uuid(), e.id, ev.event_id, p_type, p_priority, 'pending', ev.at, ev.at, ev.at,
           ev.client_id, ev.number, ev.data
    -- Volatile functions of a sorted select list run after the sort, so the numbers follow the
    -- elements' order; OFFSET 0 keeps the subquery whole, one event per element, whatever the join.
    from (select gen_random_uuid() as event_id, nextval('webhook_event_number') as number,
                 clock_timestamp() as at, d.client_id, d.data
          from unnest(p_clients, p_data) with ordinality as d(client_id, data, position)
          order by d.position
          offset 0) ev
    join webhook_endpoint e on e.clinic_id = p_clinic and (e.enabled or p_priority > 0)
                               and p_type = any (e.event_types);
end;
$$;

drop table webhook_event;
drop table webhook_client_sequence;
