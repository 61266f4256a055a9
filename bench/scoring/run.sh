#!/usr/bin/env bash
# Scoring benchmark: seeds one clinic with 10,000 clients (CLIENTS=N for another size), 3
# assignments and about 300 attempts each (3 million in all) in its own schema, starts the
# packaged service against it, and times the clinic report (JSON and CSV), one client's
# compliance (JSON, and as an SVG chart) and the at-risk list.
# Reports medians and p90 over ROUNDS requests, and the ratio to plain SQL on the same data.
# Its GETs are curl's (a new connection each) on a JVM warmed by a few rounds only; one client's
# compliance on a warm service, over one kept-alive connection, is bench/scoring/one-client.sh's.
#
#   bench/scoring/run.sh [ROUNDS]      (default 20, after WARMUP=10 untimed rounds;
#                                       needs curl, psql, python3)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/service.sh
ROUNDS=${1:-20}
WARMUP=${WARMUP:-10}
SCHEMA=homework_bench
PORT=8089
CLINIC=00000000-0000-4000-8000-0000000b3e11
API=http://localhost:$PORT
export PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-postgres}
psql_bench() { PGOPTIONS="-c search_path=$SCHEMA" psql -v ON_ERROR_STOP=1 -qAt "$@"; }

start_service "$SCHEMA" "$PORT" target/bench-scoring-app.log

echo "Seeding (this takes a minute or two)..."
seed_start=$(date +%s)
psql_bench -v clients="${CLIENTS:-10000}" -f bench/scoring/seed.sql
echo "Seeded in $(( $(date +%s) - seed_start )) s"

TOKEN=$(dev/mint-token.sh --role clinician --clinic $CLINIC)
time_get() { # prints seconds for one GET; stops the run on any answer but 200
  local answer
  answer=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" \
    -H "Accept: ${2:-application/json}" "$API$1")
  if [ "${answer%% *}" != 200 ]; then
    echo "GET $1 answered ${answer%% *}" >&2
    exit 1
  fi
  echo "${answer#* }"
}

echo "Cold: the first report finds all ${CLIENTS:-10000} clients stale"
cold_start=$(date +%s.%N)
cold=$(time_get /v1/reports/compliance)
# A report that finds too many stale scores answers from the kept ones and has the clinic rescored
# in the background (staleClients counts what is left); builds before that rescored inside the
# report. Either way, the timed rounds below start once every score is fresh.
stale_left() {
  curl -s -H "Authorization: Bearer $TOKEN" "$API/v1/reports/compliance" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin).get("staleClients", 0))'
}
for _ in $(seq 1 3600); do [ "$(stale_left)" = 0 ] && break; sleep 0.5; done
[ "$(stale_left)" = 0 ] || { echo "scores still stale after 30 minutes" >&2; exit 1; }
rescored=$(python3 -c "import time; print(f'{time.time() - $cold_start:.2f}')")
rows=$(curl -s -H "Authorization: Bearer $TOKEN" "$API/v1/reports/compliance" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))')
csv_lines=$(curl -s -H "Authorization: Bearer $TOKEN" -H "Accept: text/csv" "$API/v1/reports/compliance" | wc -l)
at_risk=$(curl -s -H "Authorization: Bearer $TOKEN" "$API/v1/reports/at-risk" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))')

mapfile -t clients < <(psql_bench -c "select id from client where clinic_id = '$CLINIC' order by random() limit $((ROUNDS + WARMUP))")
echo "Warming up the JVM ($WARMUP untimed rounds)"
for i in $(seq 1 "$WARMUP"); do
  for path in /v1/reports/compliance /v1/reports/at-risk "/v1/clients/${clients[$((ROUNDS + i - 1))]}/compliance"; do
    time_get "$path" > /dev/null
  done
  time_get /v1/reports/compliance text/csv > /dev/null
  time_get "/v1/clients/${clients[$((ROUNDS + i - 1))]}/compliance" image/svg+xml > /dev/null
done
chart_bytes=$(curl -s -H "Authorization: Bearer $TOKEN" -H "Accept: image/svg+xml" "$API/v1/clients/${clients[0]}/compliance" | wc -c)
results=$(mktemp)
for i in $(seq 1 "$ROUNDS"); do
  echo "report_json $(time_get /v1/reports/compliance)" >> "$results"
  echo "report_csv $(time_get /v1/reports/compliance text/csv)" >> "$results"
  echo "at_risk $(time_get /v1/reports/at-risk)" >> "$results"
  # The same client's JSON and chart, in turns first, so neither always finds the other's kept score.
  client="/v1/clients/${clients[$((i - 1))]}/compliance"
  if (( i % 2 )); then
    echo "client_compliance $(time_get "$client")" >> "$results"
    echo "client_chart $(time_get "$client" image/svg+xml)" >> "$results"
  else
    echo "client_chart $(time_get "$client" image/svg+xml)" >> "$results"
    echo "client_compliance $(time_get "$client")" >> "$results"
  fi
done

# Plain SQL on the same rows, for scale: weekly counts of every client, and of one client.
sql_time() { # prints seconds of the statement, median of 5
  for _ in 1 2 3 4 5; do
    psql_bench -c '\timing on' -c "$1" | sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p'
  done | sort -n | sed -n 3p | awk '{ printf "%.4f\n", $1 / 1000 }'
}
all_sql=$(sql_time "select client_id, date_trunc('week', occurred_at), count(*) from attempt where clinic_id = '$CLINIC' group by 1, 2" )
# One client's GROUP BY is a third of a millisecond once its session is warm, so a new psql per
# statement (as above) would mostly time a new backend: the timed clients' statements run in one
# session instead, as a pool's connection would run them, and the median is taken.
one_sql=$( { echo '\timing on'
  for client in "${clients[@]:0:$ROUNDS}"; do
    echo "select date_trunc('week', occurred_at), count(*) from attempt where clinic_id = '$CLINIC' and client_id = '$client' group by 1;"
  done; } | psql_bench -o /dev/null | sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p' | sort -n \
  | awk '{ times[NR] = $1 } END { printf "%.5f\n", (NR % 2 ? times[(NR + 1) / 2] : (times[NR / 2] + times[NR / 2 + 1]) / 2) / 1000 }')
[ "$one_sql" != 0.00000 ] || { echo "psql printed no timings for the one-client GROUP BY" >&2; exit 1; }

python3 - "$results" "$cold" "$all_sql" "$one_sql" "$rows" "$csv_lines" "$at_risk" "$chart_bytes" "$rescored" <<'PY'
import statistics, sys
path, cold, all_sql, one_sql, rows, csv_lines, at_risk, chart_bytes, rescored = sys.argv[1:]
times = {}
for line in open(path):
    name, seconds = line.split()
    times.setdefault(name, []).append(float(seconds))
def p90(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]
targets = {"report_json": 1.0, "report_csv": 1.0, "at_risk": 0.2, "client_compliance": 0.05,
           "client_chart": 1.5 * statistics.median(times["client_compliance"])}
baseline = {"report_json": float(all_sql), "report_csv": float(all_sql), "at_risk": float(all_sql),
            "client_compliance": float(one_sql), "client_chart": float(one_sql)}
print(f"rows: report {rows}, csv lines {csv_lines} (with header), at-risk {at_risk}")
print(f"cold first report: answered in {float(cold):.2f} s; every score fresh after {float(rescored):.2f} s "
      f"({float(rescored) / float(all_sql):.1f} x the all-client GROUP BY)")
print(f"plain SQL weekly GROUP BY: all clients {float(all_sql) * 1000:.0f} ms, one client {float(one_sql) * 1000:.2f} ms")
print(f"{'endpoint':<18} {'n':>3} {'median ms':>10} {'p90 ms':>8} {'target ms':>10} {'median/plain SQL':>17}")
for name in ["client_compliance", "client_chart", "at_risk", "report_json", "report_csv"]:
    values = times[name]
    median = statistics.median(values)
    print(f"{name:<18} {len(values):>3} {median * 1000:>10.1f} {p90(values) * 1000:>8.1f} "
          f"{targets[name] * 1000:>10.0f} {median / baseline[name]:>17.2f}")
chart = statistics.median(times["client_chart"]) / statistics.median(times["client_compliance"])
print(f"chart (SVG) median / JSON compliance median of the same clients: {chart:.2f} (target at most 1.5); "
      f"one client's chart: {int(chart_bytes)} bytes")
PY
