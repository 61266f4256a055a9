#!/usr/bin/env bash
# Rescoring a whole clinic (issue 13): how long the first report takes when every kept score is
# stale, against the plain SQL weekly GROUP BY over all of the clinic's attempts in the same run.
#
# Seeds bench/scoring/seed.sql once (CLIENTS=10000 clients by default, about 300 attempts each)
# on its own schema, then for each build given, in turns, ROUNDS times:
#   - a rules change: every kept score is marked stale (as a new SCORING_VERSION or a clinic
#     settings change does), then the first clinic report is timed;
#   - the Monday roll-over: every kept score is fresh but computed in last week, so the week
#     that just ended must be scored for every client with no write by anyone.
# Each build is served alone, on the same seeded rows (the schema is kept between services).
#
#   bench/scoring/rescore.sh [A [B ...]]    A, B: git revisions, or "." for the working tree as it
#                                           is (the default); ROUNDS=2 by default; needs curl,
#                                           psql, python3
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source bench/service.sh
[ $# -gt 0 ] || set -- .
ROUNDS=${ROUNDS:-2}
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
start_service "$SCHEMA" "$PORT" "$ROOT/target/bench-rescore.log" SCORES_REFRESH_EVERY=1h
echo "Seeding (a few minutes)..."
psql_bench -v clients="${CLIENTS:-10000}" -f "$ROOT/bench/scoring/seed.sql" > /dev/null
kill "$APP"; wait "$APP" 2>/dev/null || true
cd "$ROOT"

group_by() { # seconds of the all-client weekly GROUP BY, median of 5
  for _ in 1 2 3 4 5; do
    psql_bench -c '\timing on' -c "select client_id, date_trunc('week', occurred_at), count(*) from attempt
      where clinic_id = '$CLINIC' group by 1, 2" | sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p'
  done | sort -n | sed -n 3p | awk '{ printf "%.3f\n", $1 / 1000 }'
}

TOKEN=$(dev/mint-token.sh --role clinician --clinic $CLINIC --ttl 3600)
first_report() { # seconds of the first report on the service in directory $1, on the schema as it is
  cd "$1"
  KEEP_SCHEMA=1 start_service "$SCHEMA" "$PORT" "$ROOT/target/bench-rescore.log" SCORES_REFRESH_EVERY=1h
  local answer
  answer=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" \
    "http://127.0.0.1:$PORT/v1/reports/compliance")
  kill "$APP"; wait "$APP" 2>/dev/null || true
  cd "$ROOT"
  if [ "${answer%% *}" != 200 ]; then
    echo "The report answered ${answer%% *}; see target/bench-rescore.log" >&2
    exit 1
  fi
  echo "${answer#* }"
}

# Every score kept and fresh first, so both cases start from a scored clinic.
first_report "${DIRS[0]}" > /dev/null
results=$(mktemp)
for round in $(seq 1 "$ROUNDS"); do
  for index in "${!DIRS[@]}"; do
    name=${NAMES[$index]}
    psql_bench -c "update client_score set data_version = data_version + 1 where clinic_id = '$CLINIC'"
    echo "$name rules_change $(first_report "${DIRS[$index]}") $(group_by)" >> "$results"
    psql_bench -c "update client_score set computed_week = computed_week - 7 where clinic_id = '$CLINIC'"
    echo "$name monday $(first_report "${DIRS[$index]}") $(group_by)" >> "$results"
  done
done

python3 - "$results" <<'PY'
import sys
print(f"{'build':<12} {'case':<13} {'first report s':>15} {'GROUP BY s':>11} {'ratio':>7}")
for line in open(sys.argv[1]):
    build, case, seconds, group_by = line.split()
    print(f"{build:<12} {case:<13} {float(seconds):>15.2f} {float(group_by):>11.3f} "
          f"{float(seconds) / float(group_by):>7.1f}")
PY
