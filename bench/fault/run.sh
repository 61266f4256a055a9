#!/usr/bin/env bash
# Fault test (issue 9): writers post attempts for DURATION seconds (default 60) while the
# database restarts under them, twice: a fast restart at 10 s, and a crash (immediate stop)
# at 30 s with 6 s before it starts again. It runs a throwaway PostgreSQL cluster of its own
# (initdb in a temporary directory, port FAULT_PG_PORT, default 5499), never the shared one.
# Afterwards it checks that every acknowledged (201) attempt is stored, that no answer was
# 500, that every failure was 503 with Retry-After, that readiness went DOWN while the
# database was away and UP again, and that the same service process answers 201 again by
# itself. Then it stops the service with SIGTERM while a report is in flight: the report must
# finish, a new request must get 503 problem+json with Retry-After, readiness must be DOWN.
# Prints the counts (docs/reliability.md) and exits non-zero when a check fails.
#
#   bench/fault/run.sh          (needs curl, psql, python3, PostgreSQL's initdb and pg_ctl)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/service.sh
DURATION=${DURATION:-60}
WRITERS=${WRITERS:-8}
FAULT_PG_PORT=${FAULT_PG_PORT:-5499}
PORT=${PORT:-8092}
API=http://127.0.0.1:$PORT
# Health is served on the management port, PORT + 1000 (bench/service.sh).
HEALTH_URL=${HEALTH_URL:-http://127.0.0.1:$((PORT + 1000))/q/health/ready}
SCHEMA=homework_fault
CLINIC=00000000-0000-4000-8000-0000000fa017
PGBIN=${PGBIN:-$(dirname "$(readlink -f "$(command -v initdb)")")}

WORK=$(mktemp -d /tmp/homework-fault.XXXXXX)
# PostgreSQL refuses to run as root; the cluster then belongs to the postgres user.
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$WORK"
pg() { as_owner "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/postgres.log" -w "$@" > /dev/null; }
as_owner "$PGBIN/initdb" -D "$WORK/data" -A trust -U postgres --no-sync > /dev/null
pg -o "-p $FAULT_PG_PORT -k $WORK -c listen_addresses=127.0.0.1" start
cleanup() {
  kill "${APP:-}" 2>/dev/null || true
  pg stop -m immediate 2>/dev/null || true
  if [ -n "${KEEP:-}" ]; then echo "answers and logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

export PGHOST=127.0.0.1 PGPORT=$FAULT_PG_PORT PGUSER=postgres PGDATABASE=postgres
start_service "$SCHEMA" "$PORT" target/bench-fault-app.log \
  DB_URL="jdbc:postgresql://127.0.0.1:$FAULT_PG_PORT/postgres" DB_POOL_MAX=8 SCORES_REFRESH_EVERY=1h \
  RATE_LIMIT_CALLER_REQUESTS=1000000000 RATE_LIMIT_CLINIC_REQUESTS=1000000000
trap cleanup EXIT
SERVICE_PID=$APP

TOKEN=$(dev/mint-token.sh --role clinician --clinic $CLINIC --ttl 3600)
post() { curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$2" "$API$1" \
  | sed -E 's/.*"id":"([^"]+)".*/\1/'; }
CLIENT=$(post /v1/clients '{"timeZone":"Europe/Berlin"}')
ASSIGNMENT=$(post "/v1/clients/$CLIENT/assignments" \
  '{"title":"Fault test","kind":"exposure","schedule":{"type":"times_per_week","timesPerWeek":3,"startDate":"2026-01-05"}}')

echo "Writers: $WRITERS for $DURATION s; the database restarts at 10 s and crashes for 6 s at 30 s"
python3 bench/fault/writers.py "$API" "$ASSIGNMENT" "$TOKEN" "$DURATION" "$WRITERS" > "$WORK/answers.txt" &
WRITERS_PID=$!
(
  start=$(date +%s%N)
  while kill -0 "$WRITERS_PID" 2>/dev/null; do
    # Milliseconds into the run, status, and how long readiness took to answer.
    answer=$(curl -s -o /dev/null -m 10 -w '%{http_code} %{time_total}' "$HEALTH_URL" || true)
    echo "$(( ($(date +%s%N) - start) / 1000000 )) $answer"
    sleep 0.5
  done
) > "$WORK/readiness.txt" &
READINESS_PID=$!
sleep 10
echo "$(date +%T) restarting the database (fast)"
pg -m fast restart
sleep 20
echo "$(date +%T) crashing the database (immediate stop), 6 s outage"
pg -m immediate stop
sleep 6
pg -o "-p $FAULT_PG_PORT -k $WORK -c listen_addresses=127.0.0.1" start
echo "$(date +%T) database back"
wait "$WRITERS_PID" "$READINESS_PID"

answers=$WORK/answers.txt
total=$(wc -l < "$answers")
created=$(awk '$2 == 201' "$answers" | wc -l)
status_500=$(awk '$2 >= 500 && $2 < 600 && $2 != 503' "$answers" | wc -l)
status_503=$(awk '$2 == 503' "$answers" | wc -l)
status_503_without_retry=$(awk '$2 == 503 && $3 != "retry-after"' "$answers" | wc -l)
other=$(awk '$2 != 201 && $2 != 503' "$answers" | wc -l)
awk '$2 == 201 {print $4}' "$answers" > "$WORK/acknowledged.txt"
stored=$(psql -qAt -v ON_ERROR_STOP=1 <<SQL
create temporary table acknowledged (id uuid);
\copy acknowledged from '$WORK/acknowledged.txt'
select count(*) from acknowledged a join $SCHEMA.attempt t on t.id = a.id;
SQL
)
last_failure=$(awk '$2 != 201 {t = $1} END {print t + 0}' "$answers")
ready_down=$(awk '$2 != 200' "$WORK/readiness.txt" | wc -l)
ready_last=$(curl -s -o /dev/null -m 10 -w '%{http_code}' "$HEALTH_URL" || true)
alive=no; kill -0 "$SERVICE_PID" 2>/dev/null && alive=yes
after=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"occurredAt":"2026-01-06T18:30:00+01:00","outcome":"completed"}' "$API/v1/assignments/$ASSIGNMENT/attempts")

echo
echo "answers: $total; 201: $created; 503: $status_503 (without Retry-After: $status_503_without_retry);" \
  "other 5xx: $status_500; anything else (incl. no answer): $other"
echo "statuses other than 201: $(awk '$2 != 201 {print $2}' "$answers" | sort | uniq -c | tr -s ' ' | tr '\n' ';')"
echo "acknowledged attempts stored: $stored of $created"
echo "503 answers by second of the run: $(awk '$2 == 503 {print int($1)}' "$answers" | uniq -c | awk '{print $2 "s:" $1}' | tr '\n' ' ')"
echo "readiness not UP at (ms into the run, status, seconds to answer): $(awk '$2 != 200 {print $1 " " $2 " " $3 ";"}' "$WORK/readiness.txt" | tr '\n' ' ')"
echo "last failed answer at ${last_failure} s; readiness polls not UP: $ready_down; readiness at the end: $ready_last"
echo "same service process alive: $alive; a new attempt afterwards: $after"
failed=0
[ "$stored" = "$created" ] || { echo "FAIL: acknowledged attempts missing"; failed=1; }
[ "$status_500" = 0 ] || { echo "FAIL: answers 5xx other than 503"; failed=1; }
[ "$other" = 0 ] || { echo "FAIL: answers other than 201 and 503"; failed=1; }
[ "$status_503_without_retry" = 0 ] || { echo "FAIL: 503 without Retry-After"; failed=1; }
[ "$ready_down" -gt 0 ] || { echo "FAIL: readiness never went DOWN"; failed=1; }
[ "$ready_last" = 200 ] || { echo "FAIL: readiness not UP at the end"; failed=1; }
[ "$alive" = yes ] && [ "$after" = 201 ] || { echo "FAIL: the service did not recover by itself"; failed=1; }

echo
echo "Graceful shutdown: a report in flight (held by a lock for 4 s), then SIGTERM, then a new request"
PGOPTIONS="-c search_path=$SCHEMA" psql -qc "begin; lock table client_week_score in access exclusive mode;
  select pg_sleep(4); commit;" > /dev/null &
locks() { psql -qAt -c "select count(*) from pg_locks where relation = '$SCHEMA.client_week_score'::regclass and $1"; }
for _ in $(seq 1 50); do [ "$(locks granted)" -gt 0 ] && break; sleep 0.1; done
curl -s -o "$WORK/report.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
  "$API/v1/reports/compliance" > "$WORK/report.status" &
for _ in $(seq 1 50); do [ "$(locks "not granted")" -gt 0 ] && break; sleep 0.1; done
kill -TERM "$SERVICE_PID"
sleep 0.5
during=$(curl -s -D "$WORK/during.headers" -o "$WORK/during.json" -w '%{http_code}' \
  -H "Authorization: Bearer $TOKEN" "$API/v1/clients" || true)
ready_during=$(curl -s -o /dev/null -w '%{http_code}' "$HEALTH_URL" || true)
stopped=no
for _ in $(seq 1 60); do
  kill -0 "$SERVICE_PID" 2>/dev/null || { stopped=yes; break; }
  sleep 1
done
wait
in_flight=$(cat "$WORK/report.status")
echo "report in flight: $in_flight; new request after SIGTERM: $during" \
  "($(grep -i '^retry-after' "$WORK/during.headers" | tr -d '\r'), $(grep -i '^content-type' "$WORK/during.headers" | tr -d '\r'));" \
  "readiness: $ready_during; the service stopped: $stopped"
[ "$in_flight" = 200 ] || { echo "FAIL: the request in flight did not finish"; failed=1; }
[ "$during" = 503 ] && grep -qi '^retry-after' "$WORK/during.headers" \
  && grep -qi '^content-type: application/problem+json' "$WORK/during.headers" \
  || { echo "FAIL: a new request during shutdown was not a 503 problem with Retry-After"; failed=1; }
[ "$ready_during" = 503 ] || { echo "FAIL: readiness not DOWN during shutdown"; failed=1; }
[ "$stopped" = yes ] || { echo "FAIL: the service did not stop"; failed=1; }
[ "$failed" = 0 ] && echo "PASS"
exit "$failed"
