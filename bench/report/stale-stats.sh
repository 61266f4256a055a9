#!/usr/bin/env bash
# The clinic report on stale statistics (issue 9): one clinic of 300 clients with 105 weeks of
# kept scores each, loaded after its tables were analyzed empty, with autovacuum off on them,
# so the planner believes they are empty. Starts the packaged service against its own schema,
# prints the report query's plan as the service runs it, times one report and then 40 at once
# over HTTP, then runs ANALYZE and times them again.
#
#   bench/report/stale-stats.sh        (needs curl, psql; HEAVY_READS_PER_CLINIC defaults to 40
#                                       here so that all 40 run at once, as in the issue)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/service.sh
SCHEMA=homework_bench_stale
PORT=8091
CLINIC=00000000-0000-4000-8000-000000057a1e
API=http://127.0.0.1:$PORT
# The longest range a report takes (106 weeks): every kept week of every client.
FROM=$(date -d '-735 days' +%F)
export PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-postgres}
psql_bench() { PGOPTIONS="-c search_path=$SCHEMA" psql -v ON_ERROR_STOP=1 -qAt "$@"; }

start_service "$SCHEMA" "$PORT" target/bench-stale-app.log \
  HEAVY_READS_PER_CLINIC="${HEAVY_READS_PER_CLINIC:-40}" SCORES_REFRESH_EVERY=1h

psql_bench <<SQL
alter table client set (autovacuum_enabled = false);
alter table client_score set (autovacuum_enabled = false);
alter table client_week_score set (autovacuum_enabled = false);
analyze client; analyze client_score; analyze client_week_score;
insert into client (id, clinic_id, display_name, time_zone, status, primary_clinician_id, version, created_at, updated_at)
select gen_random_uuid(), '$CLINIC', 'Client ' || g, 'Europe/Berlin', 'ACTIVE', 'clinician-' || (g % 10), 0,
       now() + g * interval '1 microsecond', now()
from generate_series(1, 300) g;
-- Fresh scores (this week, current rules), so the report reads them rather than rescoring.
insert into client_score (clinic_id, client_id, data_version, scored_version, scoring_version, computed_at,
                          computed_week, status, setback_weeks, last_full_week_start, last_full_week_compliance,
                          last_full_week_band)
select clinic_id, id, 1, 1, 2, now(), date_trunc('week', now() at time zone 'Europe/Berlin')::date, 'on_track', 0,
       date_trunc('week', now() at time zone 'Europe/Berlin')::date - 7, 0.8, 'met'
from client where clinic_id = '$CLINIC';
insert into client_week_score (clinic_id, client_id, week_start, in_progress, expected, counted_credit,
                               extra_practice, compliance, band, setback)
select c.clinic_id, c.id, date_trunc('week', now() at time zone 'Europe/Berlin')::date - 7 * w, w = 0, 3, 2.5, 0,
       0.83, 'met', false
from client c cross join generate_series(0, 104) w where c.clinic_id = '$CLINIC';
SQL

TOKEN=$(dev/mint-token.sh --role clinician --clinic $CLINIC)
report() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $TOKEN" \
  "$API/v1/reports/compliance?from=$FROM"; }
export -f report; export TOKEN API FROM

plan() {
  # The report query as ReportRepository sends it, with the same session settings.
  psql_bench <<SQL
begin;
set local enable_seqscan = off;
explain (analyze, costs off, timing off, summary on)
select c.id, s.status, w.weeks, w.mean
from client c
left join lateral (select status from client_score
           where clinic_id = c.clinic_id and client_id = c.id limit 1) s on true
left join lateral (select count(*) as weeks, sum(counted_credit) / sum(expected) as mean
           from client_week_score
           where clinic_id = c.clinic_id and client_id = c.id and week_start between '$FROM' and current_date
             and not in_progress and expected > 0) w on true
where c.clinic_id = '$CLINIC' and c.status = 'ACTIVE'
order by c.created_at, c.id;
rollback;
SQL
}

measure() {
  echo "== $1"
  plan | grep -E "Scan|Execution Time"
  echo "one report: $(report)"
  report > /dev/null
  local start end answers
  answers=$(mktemp)
  start=$(date +%s.%N)
  seq 40 | xargs -P 40 -I{} bash -c report > "$answers"
  end=$(date +%s.%N)
  echo "40 reports at once: $(python3 -c "print(round($end - $start, 2))") s in all; statuses:" \
    "$(cut -d' ' -f1 "$answers" | sort | uniq -c | tr -s ' ' | tr '\n' ' ')"
}

measure "stale statistics (tables analyzed empty, autovacuum off)"
psql_bench -c "analyze client; analyze client_score; analyze client_week_score"
measure "after ANALYZE"
