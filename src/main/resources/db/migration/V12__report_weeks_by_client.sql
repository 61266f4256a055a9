-- The clinic report reads each client's kept weeks by the primary key (clinic, client, week).
-- With stale statistics (a clinic loaded after the last ANALYZE, autovacuum off or behind)
-- PostgreSQL chose this index instead and, for every client, read the weeks of every client
-- of the clinic: 300 clients x 105 weeks took 11 s instead of 0.1 s (docs/performance.md).
-- No query needs it: every read and delete of client_week_score names the client.
drop index client_week_score_by_week;
