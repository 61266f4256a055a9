#!/usr/bin/env bash
# Mobile sync benchmark (issue 4): starts the packaged service against its own schema and
# drives it with wrk on loopback, every request with fresh attempt ids:
#   - the single attempt POST with a clinician token (checked as a phone's is), at 8 and 64 connections,
#   - batch upload of BATCH attempts per request (default 100) to /v1/sync/attempts,
# and, in the same run, pgbench committing the same single-row INSERT into attempt per
# transaction at 8 and 64 connections, for scale. Prints throughput, p50/p99 and the ratios.
#
#   bench/sync/run.sh [SECONDS]     (default 30 per measurement, after WARMUP=90 s of each
#                                    shape; needs wrk, pgbench, psql, curl)
#
# The warm-up is long because it has to be: on two cores the JIT's C2 compiler thread keeps
# compiling for about two minutes of load, taking an eighth of the machine while it does, and
# a measurement taken then reports the compiler, not the service a clinic runs for weeks.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/service.sh
source bench/sync/phones.sh
SECONDS_EACH=${1:-30}
WARMUP=${WARMUP:-90}
BATCH=${BATCH:-100}
# OCCURRED_AT=now (default: attempts occurred seconds before they are sent) or fixed (all at
# one instant); see bench/sync/attempts.lua. pgbench stores the same occurred_at.
export OCCURRED_AT=${OCCURRED_AT:-now}
SCHEMA=homework_bench_sync
PORT=8090
CLINIC=00000000-0000-4000-8000-00000000517c
API=http://127.0.0.1:$PORT
export PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-postgres}

# The pool is sized to the database as the README advises: 4 connections per PostgreSQL core.
# One token sends every request, thousands a second: its rate limits are raised out of reach but
# stay switched on, so their cost is measured.
start_service "$SCHEMA" "$PORT" target/bench-sync-app.log \
  DB_POOL_MAX="${DB_POOL_MAX:-8}" SCORES_REFRESH_EVERY=1h \
  RATE_LIMIT_CALLER_REQUESTS=1000000000 RATE_LIMIT_CLINIC_REQUESTS=1000000000

STAFF=$(dev/mint-token.sh --role clinician --clinic $CLINIC)
# Phones of CLIENTS different clients, one assignment each (bench/sync/phones.sh).
CLIENTS=${CLIENTS:-64}
create_phones "$API" "$STAFF" "$CLIENTS"
# A clinician's token may log for any client of the clinic; verifying it costs what a phone's does.
TOKEN=$STAFF
export TOKEN ASSIGNMENTS

load() { # name connections seconds batch -> prints "name RESULT ..."
  local result
  result=$(BATCH=$4 wrk -t2 -c"$2" -d"$3"s --timeout 5s -s bench/sync/attempts.lua "$API" | grep '^RESULT')
  echo "$1 $result"
}

echo "Warming up ($WARMUP s single, $WARMUP s batch)"
load warmup 8 "$WARMUP" 0 > /dev/null
load warmup 8 "$WARMUP" "$BATCH" > /dev/null

results=$(mktemp)
load single_c8 8 "$SECONDS_EACH" 0 | tee -a "$results"
load single_c64 64 "$SECONDS_EACH" 0 | tee -a "$results"
load "batch${BATCH}_c8" 8 "$SECONDS_EACH" "$BATCH" | tee -a "$results"

# The same row the single POST stores, committed one per transaction by pgbench.
if [ "${OCCURRED_AT:-now}" = fixed ]; then
  PG_OCCURRED_AT="'2026-01-06T17:30:00Z'"
else
  PG_OCCURRED_AT="now() - random() * interval '10 seconds'"
fi
pgscript=$(mktemp --suffix=.sql)
cat > "$pgscript" <<SQL
insert into attempt (id, clinic_id, client_id, assignment_id, occurred_at, received_at, outcome, completion,
    duration_minutes, suds_before, suds_peak, suds_after, quality_rating, quality_rater, obstacles, note)
values (gen_random_uuid(), '$CLINIC', '$CLIENT', '$ASSIGNMENT', $PG_OCCURRED_AT, now(), 'PARTIAL', 0.5,
    null, 60, 80, 35, null, null, 'NO_TIME', null) on conflict (clinic_id, id) do nothing;
SQL
for clients in 8 64; do
  tps=$(PGOPTIONS="-c search_path=$SCHEMA" pgbench -n -f "$pgscript" -c $clients -j 2 -T "$SECONDS_EACH" 2>&1 \
    | sed -nE 's/^tps = ([0-9.]+) .*/\1/p')
  echo "pgbench_c$clients tps=$tps" | tee -a "$results"
done

python3 - "$results" <<'PY'
import re, sys
rows = {}
for line in open(sys.argv[1]):
    name, *fields = line.split()
    rows[name] = {k: float(v) for k, v in (f.split("=") for f in fields if "=" in f and f != "RESULT")}
print()
print(f"{'measurement':<14} {'req/s':>9} {'attempts/s':>11} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
for name, r in rows.items():
    if name.startswith("pgbench"):
        print(f"{name:<14} {r['tps']:>9.0f} {r['tps']:>11.0f} {'':>8} {'':>8} {'':>7}")
    else:
        print(f"{name:<14} {r['rps']:>9.0f} {r['attempts_per_s']:>11.0f} {r['p50_ms']:>8.2f} {r['p99_ms']:>8.2f} {r['errors']:>7.0f}")
for c in (8, 64):
    single, pg = rows[f"single_c{c}"]["rps"], rows[f"pgbench_c{c}"]["tps"]
    print(f"single POST / pgbench at {c} connections: {single / pg:.1%}")
batch = next(r for n, r in rows.items() if n.startswith("batch"))
print(f"batch attempts/s / pgbench rows/s at 8: {batch['attempts_per_s'] / rows['pgbench_c8']['tps']:.1f} x")
PY
