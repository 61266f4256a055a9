-- An endpoint's messages are found by the endpoint alone (its id is unique across clinics; row-level
-- security and the queries still name the clinic). Led by clinic_id, this index looked to a planner
-- with no statistics of the outbox (a table that just grew, or a database without autovacuum) as
-- good a way to the claimed or delivered messages as the primary key, and the dispatcher's updates
-- read every message of the clinic for a few rows.
--
-- Cost: the index is built while a lock blocks writes to the outbox. V17 to V19 ship in one
-- release, before any clinic connects, so the table is empty wherever this runs.
drop index webhook_message_by_endpoint;
create index webhook_message_by_endpoint on webhook_message (endpoint_id, created_at, id);
