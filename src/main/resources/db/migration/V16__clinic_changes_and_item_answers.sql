-- Issue 11: the clinic-wide change feed.

-- GET /v1/sync/changes without clientId reads the whole clinic's log in (txid, seq) order below
-- the reader's xmin (sync/ChangeLogRepository); change_log_by_client leads with the client, so
-- this index serves the clinic-wide read as that one serves a client's. A plain (not concurrent)
-- build: Flyway runs each migration in a transaction, and writes to the log wait while it builds.
create index change_log_by_clinic on change_log (clinic_id, txid, seq);
