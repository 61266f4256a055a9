#!/usr/bin/env bash
# One client's compliance on a warm service (issue 13, part 2), against the one-client weekly
# GROUP BY timed the same way: both in one long-lived session, as a pool would hold them.
#
# Seeds bench/scoring/seed.sql (CLIENTS=10000 clients, about 300 attempts each) on its own schema
# (KEEP_SEED=1 keeps an earlier run's), starts the packaged service (target/quarkus-app, packaged
# first when there is none, as for the other benchmarks), has every score kept
# by clinic reports, then asks one keep-alive connection for WARMUP untimed GETs of random clients
# and ROUNDS timed GETs of other random clients (every GET scores the client's record anew from
# its attempts). The same ROUNDS clients' GROUP BY runs in one psql session, each timed by psql
# (planning and the round trip included, as for the GET). Prints medians, p90s and their ratio.
# JFR=1 records a profile of the timed GETs to target/one-client.jfr.
#
#   bench/scoring/one-client.sh [ROUNDS]   (default 300, after WARMUP=2000; needs curl, psql, python3)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/service.sh
ROUNDS=${1:-300}
WARMUP=${WARMUP:-2000}
SCHEMA=homework_bench_one
PORT=8095
CLINIC=00000000-0000-4000-8000-0000000b3e11
API=http://127.0.0.1:$PORT
export PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-postgres}
psql_bench() { PGOPTIONS="-c search_path=$SCHEMA" psql -v ON_ERROR_STOP=1 -qAt "$@"; }

[ -n "${KEEP_SEED:-}" ] && export KEEP_SCHEMA=1
# Packaged before the JFR option is set, so that Maven's own JVM does not record.
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
JAVA_TOOL_OPTIONS=${JFR:+-XX:StartFlightRecording=filename=target/one-client.jfr,settings=profile,delay=${JFR_DELAY:-60}s} \
  start_service "$SCHEMA" "$PORT" target/bench-one-client.log SCORES_REFRESH_EVERY=1h \
  RATE_LIMIT_CALLER_REQUESTS=1000000000 RATE_LIMIT_CLINIC_REQUESTS=1000000000
if [ -z "${KEEP_SEED:-}" ]; then
  echo "Seeding..."
  psql_bench -v clients="${CLIENTS:-10000}" -f bench/scoring/seed.sql > /dev/null
fi
TOKEN=$(dev/mint-token.sh --role clinician --clinic $CLINIC --ttl 3600)
echo "Keeping every client's score (clinic reports until none is stale)"
stale=unknown
for _ in $(seq 1 600); do
  report=$(curl -s -w '\n%{http_code}' -H "Authorization: Bearer $TOKEN" "$API/v1/reports/compliance")
  [ "${report##*$'\n'}" = 200 ] || { echo "The clinic report answered ${report##*$'\n'}" >&2; exit 1; }
  stale=$(printf '%s' "${report%$'\n'*}" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("staleClients", 0))')
  [ "$stale" = 0 ] && break
  sleep 1
done
[ "$stale" = 0 ] || { echo "$stale scores still stale after 10 minutes" >&2; exit 1; }

mapfile -t clients < <(psql_bench -c "select id from client where clinic_id = '$CLINIC' order by random() limit $((ROUNDS + WARMUP))")
measured=$(mktemp)
printf '%s\n' "${clients[@]:0:$ROUNDS}" > "$measured"
warm=$(mktemp)
printf '%s\n' "${clients[@]:$ROUNDS}" > "$warm"

service=$(python3 - "$TOKEN" "$PORT" "$warm" "$measured" <<'PY'
import http.client, statistics, sys, time
token, port, warm, measured = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
connection = http.client.HTTPConnection("127.0.0.1", port)
def get(client):
    started = time.perf_counter()
    connection.request("GET", f"/v1/clients/{client}/compliance",
                       headers={"Authorization": f"Bearer {token}", "Accept": "application/json"})
    answer = connection.getresponse()
    answer.read()
    if answer.status != 200:
        sys.exit(f"GET of {client} answered {answer.status}")
    return time.perf_counter() - started
for client in open(warm).read().split():
    get(client)
print(" ".join(f"{get(client) * 1000:.3f}" for client in open(measured).read().split()))
PY
)
reference=$( { echo '\timing on'
  while read -r client; do
    echo "select date_trunc('week', occurred_at), count(*) from attempt where clinic_id = '$CLINIC' and client_id = '$client' group by 1;"
  done < "$measured"; } | psql_bench -o /dev/null | sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p' | tr '\n' ' ')

python3 - "$service" "$reference" <<'PY'
import statistics, sys
service = [float(v) for v in sys.argv[1].split()]
reference = [float(v) for v in sys.argv[2].split()]
def p90(values):
    ordered = sorted(values)
    return ordered[int(round(0.9 * (len(ordered) - 1)))]
print(f"one client's compliance GET: median {statistics.median(service):.2f} ms, p90 {p90(service):.2f} ms (n={len(service)})")
print(f"one-client GROUP BY, one session: median {statistics.median(reference):.2f} ms, p90 {p90(reference):.2f} ms (n={len(reference)})")
print(f"ratio of medians: {statistics.median(service) / statistics.median(reference):.2f} x (budget 3 x)")
PY
