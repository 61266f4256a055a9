#!/usr/bin/env bash
# Where a single attempt POST's CPU goes: runs the packaged service on a schema of its own, posts
# single attempts at 8 connections (WARM seconds untimed, then 30 s measured) and prints requests/s
# with the CPU the service's JVM and all PostgreSQL processes used per request. With JFR=1 it also
# records a JFR profile of the measured 30 s (target/bench-sync-cpu.jfr), which costs about 30 %.
#
#   bench/sync/cpu.sh [NAME=value ...]     (settings for the service; needs wrk, psql, curl, jcmd)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/service.sh
source bench/sync/phones.sh
SCHEMA=homework_bench_cpu
PORT=8091
CLINIC=00000000-0000-4000-8000-00000000517c
API=http://127.0.0.1:$PORT
export OCCURRED_AT=now PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-postgres}
start_service "$SCHEMA" "$PORT" target/bench-sync-cpu.log DB_POOL_MAX=8 SCORES_REFRESH_EVERY=1h \
  RATE_LIMIT_CALLER_REQUESTS=1000000000 RATE_LIMIT_CLINIC_REQUESTS=1000000000 "$@"

STAFF=$(dev/mint-token.sh --role clinician --clinic $CLINIC)
create_phones "$API" "$STAFF" 64
export TOKEN=$STAFF ASSIGNMENTS

BATCH=0 wrk -t2 -c8 -d"${WARM:-90}"s --timeout 5s -s bench/sync/attempts.lua "$API" > /dev/null
ticks() { # user + system clock ticks of the given processes
  local total=0
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] && total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat")))
  done
  echo "$total"
}
postgres_pids=$(pgrep -u postgres -d ' ' postgres)
service_before=$(ticks $APP); postgres_before=$(ticks $postgres_pids)
if [ "${JFR:-0}" = 1 ]; then
  jcmd $APP JFR.start name=cpu settings=profile > /dev/null
fi
result=$(BATCH=0 wrk -t2 -c8 -d30s --timeout 5s -s bench/sync/attempts.lua "$API" | grep '^RESULT')
if [ "${JFR:-0}" = 1 ]; then
  jcmd $APP JFR.dump name=cpu filename="$PWD/target/bench-sync-cpu.jfr" > /dev/null
fi
service_ticks=$(( $(ticks $APP) - service_before )); postgres_ticks=$(( $(ticks $postgres_pids) - postgres_before ))
python3 - "$result" "$service_ticks" "$postgres_ticks" "$(getconf CLK_TCK)" <<'PY'
import sys
result, service, postgres, hz = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
fields = dict(f.split("=") for f in result.split() if "=" in f)
requests = int(fields["requests"])
print(f"single POST at 8 connections: {float(fields['rps']):.0f} requests/s, p50 {fields['p50_ms']} ms, errors {fields['errors']}")
print(f"CPU per request: service {1000 * service / hz / requests:.2f} ms, PostgreSQL {1000 * postgres / hz / requests:.2f} ms")
PY
