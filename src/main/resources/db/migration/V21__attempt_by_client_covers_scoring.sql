-- Scoring reads every attempt of a client, and attempts arrive interleaved between clients, so
-- a client's rows lie on as many heap pages as it has attempts: reading 10,000 clients' 3 M
-- attempts by attempt_by_client cost a heap page per row, most of a whole-clinic rescoring.
-- With the columns scoring reads included (and the obstacle codes that one client's views
-- summarise), those reads are index-only scans, in client order, wherever the visibility map is
-- current (autovacuum keeps it so). Built beside the old index without blocking writes; V22 drops
-- the old one, whose key this one repeats.
create index concurrently if not exists attempt_by_client_for_scoring on attempt (clinic_id, client_id, occurred_at, id)
    include (assignment_id, outcome, completion, quality_rating, quality_rater, suds_before, suds_peak, suds_after,
             obstacles);
