-- Every time zone a client has lived in. Scoring counts each ISO week in the zone in force
-- then (scoring.TimeZoneHistory), so a move does not rewrite the weeks before it.
--   effective_from  the date, in time_zone, on which the change was made; a change is never
--                   backdated. The first entry also governs every week before it.
--   changed_at      when the create or update that set the zone was saved.
--   client_version  the version of the client row that create or update wrote: unique, so two
--                   updates that both passed the If-Match check cannot both add an entry (the
--                   versioned update of the client row fails first, as 412).
-- Same tenancy rules as V1: clinic_id leads the key, the reference includes it.
create table client_time_zone (
    clinic_id      uuid        not null,
    client_id      uuid        not null,
    client_version bigint      not null,
    time_zone      varchar(64) not null,
    effective_from date        not null,
    changed_at     timestamptz not null,
    primary key (clinic_id, client_id, client_version),
    foreign key (clinic_id, client_id) references client (clinic_id, id)
);

-- One entry per existing client: the zone it has now, from the day it was created. Being the
-- first entry, it governs all of the client's weeks, so no kept figure changes. A zone name
-- that PostgreSQL does not know (Java validated it) dates the entry in UTC instead.
insert into client_time_zone (clinic_id, client_id, client_version, time_zone, effective_from, changed_at)
select c.clinic_id, c.id, c.version, c.time_zone,
       cast(c.created_at at time zone coalesce(z.name, 'UTC') as date), c.created_at
from client c
left join pg_timezone_names z on z.name = c.time_zone;
