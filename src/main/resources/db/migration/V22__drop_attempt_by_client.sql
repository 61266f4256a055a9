-- attempt_by_client_for_scoring (V21) has the same key and more: every read that used this index uses that one.
drop index concurrently if exists attempt_by_client;
