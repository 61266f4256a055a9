#!/usr/bin/env bash
# Rescoring a whole clinic (issue 13): how long from the first report until every kept score is
# fresh again when all are stale, against the plain SQL weekly GROUP BY over all of the clinic's
# attempts in the same run.
#
# Seeds bench/scoring/seed.sql once (CLIENTS=10000 clients by default, about 300 attempts each)
# on its own schema (KEEP_SEED=1 keeps an earlier run's), then for each build given, in turns,
# ROUNDS times, starts the build and times:
#   - a rules change: every kept score is marked stale (as a new SCORING_VERSION or a clinic
#     settings change does), then the rescoring that a clinic report starts, on the cold JVM of
#     a deployment, then WARM more times on the running service;
#   - the Monday roll-over, WARM times: every kept score is fresh but computed in last week, so
#     the week that just ended must be scored for every client with no write by anyone.
# Each build is served alone, on the same seeded rows (the schema is kept between services).
#
#   bench/scoring/rescore.sh [A [B ...]]    A, B: git revisions, or "." for the working tree as it
#                                           is (the default); ROUNDS=1, WARM=2 by default; needs
#                                           curl, psql, python3
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source bench/service.sh
[ $# -gt 0 ] || set -- .
ROUNDS=${ROUNDS:-1}
SCHEMA=homework_bench_rescore
PORT=8094
CLINIC=00000000-0000-4000-8000-0000000b3e11
export PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-postgres}
psql_bench() { PGOPTIONS="-c search_path=$SCHEMA" psql -v ON_ERROR_STOP=1 -qAt "$@"; }

NAMES=("$@")
DIRS=()
for revision in "$@"; do
  DIRS+=("$(build_dir "$revision")")
done

# The first build migrates the schema; the seed needs its tables.
cd "${DIRS[0]}"
if [ -z "${KEEP_SEED:-}" ]; then
  start_service "$SCHEMA" "$PORT" "$ROOT/target/bench-rescore.log" SCORES_REFRESH_EVERY=1h
  echo "Seeding (a few minutes)..."
  psql_bench -v clients="${CLIENTS:-10000}" -f "$ROOT/bench/scoring/seed.sql" > /dev/null
  kill "$APP"; wait "$APP" 2>/dev/null || true
fi
cd "$ROOT"

group_by() { # seconds of the all-client weekly GROUP BY, median of 5
  for _ in 1 2 3 4 5; do
    psql_bench -c '\timing on' -c "select client_id, date_trunc('week', occurred_at), count(*) from attempt
      where clinic_id = '$CLINIC' group by 1, 2" | sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p'
  done | sort -n | sed -n 3p | awk '{ printf "%.3f\n", $1 / 1000 }'
}

TOKEN=$(dev/mint-token.sh --role clinician --clinic $CLINIC --ttl 3600)
# Active clients not rescored since $1 (a timestamp): a rescoring stamps each score's computed_at.
not_rescored_since() {
  psql_bench -c "select count(*) from client c join client_score s on s.clinic_id = c.clinic_id and s.client_id = c.id
    where c.clinic_id = '$CLINIC' and c.status = 'ACTIVE' and s.computed_at < '$1'"
}
serve() { # starts the build in directory $1 on the seeded schema, which a newer build may have migrated
  cd "$1"
  KEEP_SCHEMA=1 start_service "$SCHEMA" "$PORT" "$ROOT/target/bench-rescore.log" SCORES_REFRESH_EVERY=1h \
    QUARKUS_LOG_CATEGORY__COM_HOMEWORKAPI_SCORE__LEVEL=DEBUG QUARKUS_FLYWAY_IGNORE_MIGRATION_PATTERNS='*:future'
  cd "$ROOT"
}
stop_serving() {
  kill "$APP"; wait "$APP" 2>/dev/null || true
}
rescoring() { # seconds from a clinic report until every score is fresh again, on the running service
  local since answer started seconds
  since=$(psql_bench -c "select now()")
  started=$(date +%s.%N)
  # Over SCORES_INLINE_REFRESH_MAX stale clients the report answers from the kept scores and has
  # the clinic rescored in the background (builds before that rescored inside the report); either
  # way the time that counts is until no score is stale. PostgreSQL is polled, not the service,
  # so the polling costs the rescoring next to nothing.
  answer=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
    "http://127.0.0.1:$PORT/v1/reports/compliance")
  for _ in $(seq 1 18000); do [ "$(not_rescored_since "$since")" = 0 ] && break; sleep 0.1; done
  seconds=$(python3 -c "import time; print(f'{time.time() - $started:.2f}')")
  [ "$(not_rescored_since "$since")" = 0 ] || { echo "scores still stale after 30 minutes" >&2; exit 1; }
  if [ "$answer" != 200 ]; then
    echo "The report answered $answer; see target/bench-rescore.log" >&2
    exit 1
  fi
  echo "$seconds"
}
rules_change() {
  psql_bench -c "update client_score set data_version = data_version + 1 where clinic_id = '$CLINIC'"
}
monday() {
  psql_bench -c "update client_score set computed_week = computed_week - 7 where clinic_id = '$CLINIC'"
}

# Every score kept and fresh first, so both cases start from a scored clinic (a kept seed's scores
# are marked stale first, as the seed leaves them).
rules_change
serve "${DIRS[0]}"; rescoring > /dev/null; stop_serving
# Each round starts each build afresh. A rules change comes with a deployment, so its first
# rescoring runs on a cold JVM ("cold"); the rescorings after it, and a Monday, run on a service
# that has been up (WARM=2 of each case, "warm").
WARM=${WARM:-2}
results=$(mktemp)
for round in $(seq 1 "$ROUNDS"); do
  for index in "${!DIRS[@]}"; do
    name=${NAMES[$index]}
    serve "${DIRS[$index]}"
    rules_change
    echo "$name rules_change_cold $(rescoring) $(group_by)" >> "$results"
    for _ in $(seq 1 "$WARM"); do
      rules_change
      echo "$name rules_change_warm $(rescoring) $(group_by)" >> "$results"
      monday
      echo "$name monday_warm $(rescoring) $(group_by)" >> "$results"
    done
    stop_serving
  done
done

python3 - "$results" <<'PY'
import sys
print(f"{'build':<12} {'case':<18} {'rescoring s':>12} {'GROUP BY s':>11} {'ratio':>7}")
for line in open(sys.argv[1]):
    build, case, seconds, group_by = line.split()
    print(f"{build:<12} {case:<18} {float(seconds):>12.2f} {float(group_by):>11.3f} "
          f"{float(seconds) / float(group_by):>7.1f}")
PY
