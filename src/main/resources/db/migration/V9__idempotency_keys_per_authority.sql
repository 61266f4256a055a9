-- An Idempotency-Key belongs to everything that decides what a token may see, not only to
-- its clinic and subject. Two tokens may share a subject and yet be allowed different things:
-- client tokens of one app login for two clients, a clinician's and an admin's token of one
-- person, a staff and a client token. A stored answer must only ever be replayed to a token
-- that would have been given it by running the request itself, so the key now includes the
-- caller's authority: its roles, sorted and comma-separated, and for a client token its client
-- (`admin,clinician`, `client;client_id=<uuid>`; see Caller.authority()).
--
-- Rows stored before this migration do not say which authority sent them, so they are
-- dropped rather than guessed: a retry of such a request within the retention runs again
-- (attempts sent with their own id are still stored once). Instances of the previous
-- version cannot claim keys in the new table (their ON CONFLICT target is gone) and answer
-- 500 to a POST with a key until they are replaced; such an answer keeps nothing, so a
-- retry on a new instance runs the request.
delete from idempotency_key;

alter table idempotency_key add column authority text not null;
alter table idempotency_key drop constraint idempotency_key_pkey;
alter table idempotency_key add primary key (clinic_id, subject, authority, idempotency_key);
