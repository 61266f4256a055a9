#!/usr/bin/env bash
# The query that finds a clinic's stale scores (ScoreStore, run by every report and by the
# background refresh) on stale statistics (issue 9): one clinic of CLIENTS active clients
# (default 10,000) with kept scores, 1 % of them stale, loaded after client and client_score
# were analyzed empty with autovacuum off, so the planner believes both are empty. Starts the
# packaged service against its own schema, prints the plans of the count and of the first chunk
# as the service runs them (its role, its clinic setting), and of the report's lateral shape for
# comparison, times one at-risk report (which refreshes the stale scores first), then runs
# ANALYZE and does it again.
#
#   bench/report/stale-scores.sh                (needs curl, psql)
#   CLIENTS=300 bench/report/stale-scores.sh    (the clinic of stale-stats.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/service.sh
SCHEMA=homework_bench_stale_scores
PORT=8092
CLINIC=00000000-0000-4000-8000-0000057a1e55
CLIENTS=${CLIENTS:-10000}
API=http://127.0.0.1:$PORT
export PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-postgres}
psql_bench() { PGOPTIONS="-c search_path=$SCHEMA" psql -v ON_ERROR_STOP=1 -qAt "$@"; }

start_service "$SCHEMA" "$PORT" target/bench-stale-scores-app.log SCORES_REFRESH_EVERY=1h

psql_bench <<SQL
alter table client set (autovacuum_enabled = false);
alter table client_score set (autovacuum_enabled = false);
analyze client; analyze client_score;
insert into client (id, clinic_id, display_name, time_zone, status, primary_clinician_id, version, created_at, updated_at)
select gen_random_uuid(), '$CLINIC', 'Client ' || g, 'Europe/Berlin', 'ACTIVE', 'clinician-' || (g % 10), 0,
       now() + g * interval '1 microsecond', now()
from generate_series(1, $CLIENTS) g;
-- Scores of this week under the current rules (ClientScores.SCORING_VERSION), fresh for now.
insert into client_score (clinic_id, client_id, data_version, scored_version, scoring_version, computed_at,
                          computed_week, status, setback_weeks)
select clinic_id, id, 1, 1, 2, now(), date_trunc('week', now() at time zone 'Europe/Berlin')::date, 'on_track', 0
from client where clinic_id = '$CLINIC';
SQL

# One client in a hundred gets new data, as writes mark them between two refreshes.
mark_stale() {
  psql_bench -c "update client_score set data_version = data_version + 1 where clinic_id = '$CLINIC'
    and client_id in (select id from client where clinic_id = '$CLINIC' order by id limit $((CLIENTS / 100)))" > /dev/null
}

TOKEN=$(dev/mint-token.sh --role clinician --clinic $CLINIC)
at_risk() { curl -s -o /dev/null -w '%{http_code} %{time_total} s' -H "Authorization: Bearer $TOKEN" \
  "$API/v1/reports/at-risk"; }

STALE_WHERE="where c.clinic_id = '$CLINIC' and c.status = 'ACTIVE'
  and (s.data_version is null or s.data_version > s.scored_version or s.scoring_version <> 2
       or s.computed_week < cast(date_trunc('week', now() at time zone c.time_zone) as date))"
# As ScoreStore sends it: a plain left join, planned by the statistics.
JOINED="from client c left join client_score s on s.clinic_id = c.clinic_id and s.client_id = c.id $STALE_WHERE"
# For comparison, the clinic report's shape (ReportRepository): the kept score by primary key in a
# lateral lookup, without sequential scans. Measured, not adopted: the join's plans were as good.
LATERAL="from client c left join lateral (select data_version, scored_version, scoring_version, computed_week
  from client_score where clinic_id = c.clinic_id and client_id = c.id limit 1) s on true $STALE_WHERE"

plan() {
  # As the refresh runs them: the service's role, in the clinic's scope (row-level security).
  psql_bench <<SQL
begin;
set local role ${SCHEMA}_app;
select set_config('app.clinic_id', '$CLINIC', true) \g /dev/null
$1
explain (analyze, costs off, timing off, summary on) select count(*) $2;
explain (analyze, costs off, timing off, summary on) select c.id, c.time_zone, coalesce(s.data_version, 0) $2
order by c.id limit 500;
rollback;
SQL
}

measure() {
  echo "== $1"
  mark_stale
  echo "-- join, as the service runs it:"
  plan "" "$JOINED" | grep -E "Scan|Loop|Join|Execution Time"
  echo "-- lateral, index paths only, as the report reads (comparison):"
  plan "set local enable_seqscan = off;" "$LATERAL" | grep -E "Scan|Loop|Join|Execution Time"
  echo "one at-risk report, refreshing $((CLIENTS / 100)) stale scores first: $(at_risk)"
  mark_stale
  echo "again: $(at_risk)"
}

measure "stale statistics (tables analyzed empty, autovacuum off), $CLIENTS clients"
psql_bench -c "analyze client; analyze client_score"
measure "after ANALYZE"
