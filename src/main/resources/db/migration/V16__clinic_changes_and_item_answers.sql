-- Issue 11: the clinic-wide change feed, and questionnaires with their item answers.

-- GET /v1/sync/changes without clientId reads the whole clinic's log in (txid, seq) order below
-- the reader's xmin (sync/ChangeLogRepository); change_log_by_client leads with the client, so
-- this index serves the clinic-wide read as that one serves a client's. A plain (not concurrent)
-- build: Flyway runs each migration in a transaction, and writes to the log wait while it builds.
-- On a large log, build it beforehand without blocking writes (README, "Upgrading"):
--   create index concurrently change_log_by_clinic on change_log (clinic_id, txid, seq);
-- and this statement finds it there.
create index if not exists change_log_by_clinic on change_log (clinic_id, txid, seq);

-- A PHQ-9 or GAD-7 may be stored with its item answers (each 0 to 3, in the questionnaire's
-- order; the total is their sum), and PHQ-9 item 9 above 0 flags the measurement for the clinic's
-- safety protocol. The service checks all of this first and answers 400 (the total too, which a
-- check constraint cannot sum); the checks here keep any other writer to the shape and the flag.
-- Measurements stored before have no items and no flag, so they hold both checks by
-- construction: NOT VALID spares the scan of every stored measurement under the table's lock
-- (new rows are checked all the same).
alter table measurement
    add column item_answers smallint[],
    add column safety_flag boolean not null default false,
    add constraint measurement_item_answers_shape check (
        item_answers is null
        or (array_ndims(item_answers) = 1 and array_position(item_answers, null) is null
            and 0 <= all (item_answers) and 3 >= all (item_answers)
            and ((instrument = 'phq9' and cardinality(item_answers) = 9)
                 or (instrument = 'gad7' and cardinality(item_answers) = 7)))) not valid,
    add constraint measurement_safety_flag_from_item_9 check (
        safety_flag = coalesce(instrument = 'phq9' and item_answers[9] > 0, false)) not valid;
