#!/usr/bin/env bash
# One client's compliance GET of two builds, side by side in one sitting.
#
# Each build is packaged in a worktree of its own and served on a schema of its own, seeded by
# its own bench/scoring/seed.sql (10,000 clients, about 3 M attempts), and every client's score
# is kept by one clinic report first. Then both services are asked for the same client (by its
# seeded name) in turns, in a shuffled order, so whatever else the machine does falls on both
# alike. Prints each side's median and p90, and the median of the paired differences B - A:
# on this noisy machine that is the figure to trust, not two medians from different runs.
#
#   bench/scoring/compare.sh A B [ROUNDS]   A and B are git revisions, or "." for the working
#                                           tree as it is (default ROUNDS=600 pairs, after
#                                           WARMUP=400 untimed ones; needs curl, psql, python3)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source bench/service.sh
A=$1
B=${2:-.}
ROUNDS=${3:-600}
WARMUP=${WARMUP:-400}
CLINIC=00000000-0000-4000-8000-0000000b3e11
export PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-postgres}

PIDS=()
serve() { # side directory port
  local schema=homework_bench_compare_$1
  cd "$2"
  start_service "$schema" "$3" "$ROOT/target/bench-compare-$1.log" SCORES_REFRESH_EVERY=1h \
    RATE_LIMIT_CALLER_REQUESTS=1000000000 RATE_LIMIT_CLINIC_REQUESTS=1000000000
  PIDS+=("$APP")
  trap 'kill "${PIDS[@]}" 2>/dev/null || true' EXIT
  echo "Seeding $1 ($(git rev-parse --short HEAD)$( [ -n "$(git status --porcelain -uno)" ] && echo ', with uncommitted changes'))"
  PGOPTIONS="-c search_path=$schema" psql -v ON_ERROR_STOP=1 -qAt -f bench/scoring/seed.sql
  cd "$ROOT"
}

dir_a=$(build_dir "$A")
dir_b=$(build_dir "$B")
serve a "$dir_a" 8091
serve b "$dir_b" 8092
TOKEN=$(dev/mint-token.sh --role clinician --clinic $CLINIC)
for port in 8091 8092; do
  echo "Scoring every client on :$port (the clinic report)"
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$port/v1/reports/compliance"
done

names() { # side -> "display_name id" lines
  PGOPTIONS="-c search_path=homework_bench_compare_$1" psql -qAt -F ' ' \
    -c "select display_name, id from client where clinic_id = '$CLINIC'"
}
python3 - "$TOKEN" "$ROUNDS" "$WARMUP" <(names a) <(names b) <<'PY'
import http.client, random, statistics, sys, time
token, rounds, warmup, names_a, names_b = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
def ids(path):
    return dict(line.rsplit(" ", 1) for line in open(path).read().splitlines())
ids_a, ids_b = ids(names_a), ids(names_b)
sides = {"a": (http.client.HTTPConnection("127.0.0.1", 8091), ids_a),
         "b": (http.client.HTTPConnection("127.0.0.1", 8092), ids_b)}
names = sorted(ids_a.keys() & ids_b.keys())
def get(side, name):
    connection, client_ids = sides[side]
    started = time.perf_counter()
    connection.request("GET", f"/v1/clients/{client_ids[name]}/compliance",
                       headers={"Authorization": f"Bearer {token}", "Accept": "application/json"})
    answer = connection.getresponse()
    answer.read()
    elapsed = time.perf_counter() - started
    if answer.status != 200:
        sys.exit(f"side {side} answered {answer.status} for {name}")
    return elapsed
random.seed(20261203)
times = {"a": [], "b": []}
for i in range(warmup + rounds):
    name = random.choice(names)
    order = ["a", "b"] if random.random() < 0.5 else ["b", "a"]
    pair = {side: get(side, name) for side in order}
    if i >= warmup:
        for side in pair:
            times[side].append(pair[side])
def p90(values):
    ordered = sorted(values)
    return ordered[int(round(0.9 * (len(ordered) - 1)))]
for side in "ab":
    print(f"{side}: median {statistics.median(times[side]) * 1000:.2f} ms, p90 {p90(times[side]) * 1000:.2f} ms")
differences = [b - a for a, b in zip(times["a"], times["b"])]
print(f"b - a over {rounds} pairs: median {statistics.median(differences) * 1000:+.2f} ms, "
      f"difference of medians {(statistics.median(times['b']) - statistics.median(times['a'])) * 1000:+.2f} ms")
PY
