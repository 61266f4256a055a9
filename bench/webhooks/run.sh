#!/usr/bin/env bash
# Webhook benchmark (issue 11), all in one run against a fast receiver on loopback
# (bench/webhooks/Receiver.java, 204 at once):
#   1. the highest delivery rate: BACKLOG attempt.created messages (default 20,000) are queued
#      while no dispatcher runs, then a service with its dispatcher starts on the same schema and
#      the receiver times the drain, first arrival to last;
#   2. the single attempt POST (wrk, 8 connections, as bench/sync/run.sh) without and with one
#      active subscription to attempt.created, alternating, ROUNDS of each (default 4); each
#      round's ratio is its "with" over the "without" just before it;
#   3. commit to delivery at RATE events per second (default 100) for SECONDS: one attempt POST
#      at a time, paced; for each, the time from its 201 (the commit came before) to its arrival;
#   4. pgbench committing the same single-row attempt INSERT at 8 connections, for scale, with no
#      subscription (so it writes what the sync benchmark's pgbench writes).
#
#   bench/webhooks/run.sh [SECONDS]   (default 30 per measurement, after WARMUP=240 s of POSTs,
#                                      the second half with a subscription, so that the JIT has
#                                      compiled both paths before any round is timed;
#                                      needs wrk, pgbench, psql, curl, python3, java)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/service.sh
source bench/sync/phones.sh
SECONDS_EACH=${1:-30}
WARMUP=${WARMUP:-240}
BACKLOG=${BACKLOG:-20000}
RATE=${RATE:-100}
ROUNDS=${ROUNDS:-4}
SCHEMA=homework_bench_webhooks
PORT=8093
RECEIVER_PORT=8097
CLINIC=00000000-0000-4000-8000-0000000e7e17
API=http://127.0.0.1:$PORT
RECEIVER=http://127.0.0.1:$RECEIVER_PORT
export PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-postgres}
export OCCURRED_AT=now
SETTINGS=(SCORES_REFRESH_EVERY=1h RATE_LIMIT_CALLER_REQUESTS=1000000000 RATE_LIMIT_CLINIC_REQUESTS=1000000000
  DB_POOL_MAX="${DB_POOL_MAX:-8}" WEBHOOK_ALLOW_INSECURE=true)

java bench/webhooks/Receiver.java $RECEIVER_PORT &
RECEIVER_PID=$!
for _ in $(seq 1 30); do curl -sf "$RECEIVER/count" > /dev/null && break; sleep 1; done
received() { curl -sf "$RECEIVER/count"; }

STAFF=$(dev/mint-token.sh --role clinician --clinic $CLINIC --ttl 3600)
INTEGRATION=$(dev/mint-token.sh --role integration --clinic $CLINIC --ttl 3600)
subscribe() { # -> endpoint id
  curl -sf -H "Authorization: Bearer $INTEGRATION" -H 'Content-Type: application/json' -X POST "$API/v1/webhooks" \
    -d "{\"url\":\"$RECEIVER/hook\",\"eventTypes\":[\"attempt.created\"],\"enabled\":true}" \
    | sed -E 's/.*"id":"([^"]+)".*/\1/'
}
unsubscribe() {
  curl -sf -o /dev/null -H "Authorization: Bearer $INTEGRATION" -X DELETE "$API/v1/webhooks/$1"
}

echo "1. Queueing $BACKLOG messages with no dispatcher running"
start_service "$SCHEMA" "$PORT" target/bench-webhooks-app.log "${SETTINGS[@]}" WEBHOOK_DISPATCHER_ENABLED=false
create_phones "$API" "$STAFF" 64
export TOKEN=$STAFF ASSIGNMENTS
ENDPOINT=$(subscribe)
python3 - "$API" "$STAFF" "$ASSIGNMENTS" "$BACKLOG" <<'PY'
import http.client, json, random, sys, uuid
api, token, assignments, backlog = sys.argv[1].replace("http://", ""), sys.argv[2], sys.argv[3].split(","), int(sys.argv[4])
connection = http.client.HTTPConnection(api)
for start in range(0, backlog, 100):
    assignment = random.choice(assignments)
    attempts = [{"id": str(uuid.uuid4()), "assignmentId": assignment, "occurredAt": "2026-01-06T18:30:00+01:00",
                 "outcome": "partial", "completion": 0.5} for _ in range(min(100, backlog - start))]
    connection.request("POST", "/v1/sync/attempts", json.dumps({"attempts": attempts}),
                       {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    answer = connection.getresponse()
    body = answer.read().decode()
    if answer.status != 200 or body.count('"status":"created"') != len(attempts):
        sys.exit(f"batch answered {answer.status}: {body[:300]}")
PY
kill "$APP"
wait "$APP" 2>/dev/null || true
queued=$(PGOPTIONS="-c search_path=$SCHEMA" psql -qAt -c "select count(*) from webhook_message where status = 'pending'")
echo "queued: $queued messages"

echo "   Draining them with a dispatcher"
KEEP_SCHEMA=1 start_service "$SCHEMA" "$PORT" target/bench-webhooks-app.log "${SETTINGS[@]}"
trap 'kill "$APP" "$RECEIVER_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  [ "$(received)" -ge "$BACKLOG" ] && break
  sleep 1
done
drain=$(mktemp)
curl -sf "$RECEIVER/dump?file=$drain" > /dev/null

echo "2. Single POST without and with one subscription ($ROUNDS rounds of $SECONDS_EACH s, after $WARMUP s)"
unsubscribe "$ENDPOINT"
compiler_seconds() { # time the service's JIT has spent compiling so far, all compiler threads
  # The JVM's own counter: per-thread CPU from /proc loses what threads that have exited used.
  { jcmd "$APP" PerfCounter.print 2>/dev/null || true; } | awk -F= '
    $1 == "java.ci.totalTime" { total = $2 } $1 == "sun.os.hrt.frequency" { frequency = $2 }
    END { printf "%.1f\n", frequency ? total / frequency : 0 }'
}
load() { # name seconds -> "name RESULT ... compiler_s=S" (S: seconds the JIT compiled during the load)
  local before result
  before=$(compiler_seconds)
  result=$(BATCH=0 wrk -t2 -c8 -d"$2"s --timeout 5s -s bench/sync/attempts.lua "$API" | grep '^RESULT')
  echo "$1 $result compiler_s=$(echo "$(compiler_seconds) - $before" | bc)"
}
# The JIT keeps compiling for minutes on this code base (docs/performance.md): both paths are
# warmed, or the first rounds with a subscription pay for compiling the delivery code.
load warmup "$((WARMUP / 2))"
ENDPOINT=$(subscribe)
load warmup_with "$((WARMUP / 2))"
unsubscribe "$ENDPOINT"
results=$(mktemp)
for round in $(seq 1 "$ROUNDS"); do
  load "without_$round" "$SECONDS_EACH" | tee -a "$results"
  ENDPOINT=$(subscribe)
  load "with_$round" "$SECONDS_EACH" | tee -a "$results"
  unsubscribe "$ENDPOINT"
done

echo "3. Commit to delivery at $RATE events/s for $SECONDS_EACH s"
ENDPOINT=$(subscribe)
sleep 5 # deliveries of step 2 still queued for the deleted endpoint are not counted below
curl -sf "$RECEIVER/dump?file=/dev/null" > /dev/null
sent=$(mktemp)
python3 - "$API" "$STAFF" "$ASSIGNMENTS" "$RATE" "$SECONDS_EACH" "$sent" <<'PY'
import http.client, json, random, sys, time, uuid
api, token, assignments = sys.argv[1].replace("http://", ""), sys.argv[2], sys.argv[3].split(",")
rate, seconds, out = float(sys.argv[4]), float(sys.argv[5]), open(sys.argv[6], "w")
connection = http.client.HTTPConnection(api)
started = time.time()
for n in range(int(rate * seconds)):
    time.sleep(max(0.0, started + n / rate - time.time()))
    attempt_id = str(uuid.uuid4())
    assignment = random.choice(assignments)
    connection.request("POST", f"/v1/assignments/{assignment}/attempts",
                       json.dumps({"id": attempt_id, "occurredAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                                   "outcome": "partial", "completion": 0.5}),
                       {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    answer = connection.getresponse()
    answer.read()
    if answer.status != 201:
        sys.exit(f"POST answered {answer.status}")
    out.write(f"{int(time.time() * 1_000_000)} {attempt_id}\n")
PY
sleep 5
arrived=$(mktemp)
curl -sf "$RECEIVER/dump?file=$arrived" > /dev/null
unsubscribe "$ENDPOINT"

echo "4. pgbench, the same single-row INSERT at 8 connections"
pgscript=$(mktemp --suffix=.sql)
cat > "$pgscript" <<SQL
insert into attempt (id, clinic_id, client_id, assignment_id, occurred_at, received_at, outcome, completion,
    duration_minutes, suds_before, suds_peak, suds_after, quality_rating, quality_rater, obstacles, note)
values (gen_random_uuid(), '$CLINIC', '$CLIENT', '$ASSIGNMENT', now() - random() * interval '10 seconds', now(),
    'PARTIAL', 0.5, null, 60, 80, 35, null, null, 'NO_TIME', null) on conflict (clinic_id, id) do nothing;
SQL
tps=$(PGOPTIONS="-c search_path=$SCHEMA" pgbench -n -f "$pgscript" -c 8 -j 2 -T "$SECONDS_EACH" 2>&1 \
  | sed -nE 's/^tps = ([0-9.]+) .*/\1/p')

python3 - "$drain" "$queued" "$results" "$sent" "$arrived" "$tps" "$RATE" <<'PY'
import statistics, sys
drain, queued, results, sent, arrived, tps, rate = sys.argv[1:]
times = sorted(int(line.split()[0]) for line in open(drain))
delivery_rate = (len(times) - 1) / ((times[-1] - times[0]) / 1e6)
print(f"\n1. drained {len(times)} of {queued} queued messages: {delivery_rate:.0f} deliveries/s")
rps, compiler = {}, {}
for line in open(results):
    name, _, *fields = line.split()
    fields = dict(f.split("=") for f in fields)
    rps[name], compiler[name] = float(fields["rps"]), float(fields["compiler_s"])
without = [v for k, v in rps.items() if k.startswith("without")]
with_one = [v for k, v in rps.items() if k.startswith("with_")]
# Each round's "with" against the "without" just before it, and their median: the machine's speed
# drifts within a run (docs/performance.md), which moves a ratio of sums with its fastest rounds.
per_round = sorted(w / o for w, o in zip(with_one, without))
median = statistics.median(per_round)
print("2. single POST at 8 connections, req/s: without " + ", ".join(f"{v:.0f}" for v in without)
      + "; with one subscription " + ", ".join(f"{v:.0f}" for v in with_one)
      + f"; with / without: {sum(with_one) / sum(without):.1%} overall, per round "
      + ", ".join(f"{w / o:.0%}" for w, o in zip(with_one, without))
      + f", median {median:.1%} (budget at least 90 %)")
print("   JIT compiling per round, s: without " + ", ".join(str(v) for k, v in compiler.items() if k.startswith("without"))
      + "; with " + ", ".join(str(v) for k, v in compiler.items() if k.startswith("with_")))
sent_at = dict((line.split()[1], int(line.split()[0])) for line in open(sent))
latencies = sorted((int(line.split()[0]) - sent_at[line.split()[1]]) / 1000
                   for line in open(arrived) if line.split()[1] in sent_at)
def pct(p):
    return latencies[min(len(latencies) - 1, int(round(p / 100 * (len(latencies) - 1))))]
print(f"3. at {rate} events/s: {len(latencies)} of {len(sent_at)} delivered; commit to delivery "
      f"p50 {pct(50):.0f} ms, p99 {pct(99):.0f} ms, max {latencies[-1]:.0f} ms (budget p99 under 1,000 ms)")
print(f"4. pgbench single-row INSERT at 8: {float(tps):.0f} tps; highest delivery rate / pgbench: "
      f"{delivery_rate / float(tps):.1%} (budget at least 25 %)")
PY
