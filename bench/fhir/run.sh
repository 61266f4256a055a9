#!/usr/bin/env bash
# FHIR benchmark (issue 10): a page of 200 Observations for one client from /fhir/R4 against the
# same page of 200 attempts from /v1, in the same run, alternating request by request so both
# see the same machine. Starts the packaged service on its own schema, seeds one client with
# ATTEMPTS attempts (default 300) through /v1/sync/attempts, then times REQUESTS sequential
# requests of each (default 400, after WARMUP=300 of each) and prints their medians and ratio.
#
#   bench/fhir/run.sh            (needs curl, python3; build first: ./mvnw -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/service.sh
ATTEMPTS=${ATTEMPTS:-300}
REQUESTS=${REQUESTS:-400}
WARMUP=${WARMUP:-300}
SCHEMA=homework_bench_fhir
PORT=8092
CLINIC=00000000-0000-4000-8000-0000000f4a12
API=http://127.0.0.1:$PORT
export PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-postgres}

start_service "$SCHEMA" "$PORT" target/bench-fhir-app.log \
  DB_POOL_MAX="${DB_POOL_MAX:-8}" SCORES_REFRESH_EVERY=1h \
  RATE_LIMIT_CALLER_REQUESTS=1000000000 RATE_LIMIT_CLINIC_REQUESTS=1000000000

TOKEN=$(dev/mint-token.sh --role integration --clinic $CLINIC --ttl 3600)
json_id() { sed -E 's/.*"id":"([^"]+)".*/\1/'; }
CLIENT=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -X POST "$API/v1/clients" \
  -d '{"timeZone":"Europe/Berlin"}' | json_id)
ASSIGNMENT=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -X POST "$API/v1/clients/$CLIENT/assignments" \
  -d '{"title":"Touch the door handle","kind":"exposure","schedule":{"type":"daily","startDate":"2025-01-06"}}' \
  | json_id)
export API TOKEN CLIENT ASSIGNMENT ATTEMPTS REQUESTS WARMUP

python3 - <<'PY'
import http.client, json, os, statistics, time, uuid
from datetime import datetime, timedelta, timezone

api = os.environ["API"].replace("http://", "")
headers = {"Authorization": "Bearer " + os.environ["TOKEN"]}
client, assignment = os.environ["CLIENT"], os.environ["ASSIGNMENT"]
connection = http.client.HTTPConnection(api)

def call(method, path, body=None, extra=None):
    connection.request(method, path, body=body, headers={**headers, **(extra or {})})
    response = connection.getresponse()
    data = response.read()
    if response.status >= 300:
        raise SystemExit(f"{method} {path} answered {response.status}: {data[:300]}")
    return data

# Attempts once a day back from yesterday, with SUDS and quality, as an app syncs them.
start = datetime.now(timezone.utc) - timedelta(days=int(os.environ["ATTEMPTS"]) + 1)
attempts = [{"id": str(uuid.uuid4()), "assignmentId": assignment, "occurredAt": (start + timedelta(days=d)).isoformat(),
             "outcome": "partial", "completion": 0.5, "suds": {"before": 60, "peak": 80, "after": 35},
             "quality": {"rating": 3, "rater": "clinician"}, "obstacles": ["no_time"]}
            for d in range(int(os.environ["ATTEMPTS"]))]
for batch in range(0, len(attempts), 100):
    call("POST", "/v1/sync/attempts", json.dumps({"attempts": attempts[batch:batch + 100]}),
         {"Content-Type": "application/json"})

v1 = f"/v1/clients/{client}/attempts?limit=200"
fhir = (f"/fhir/R4/Observation?patient={client}&_count=200"
        "&code=https://homework-api.dev/fhir/CodeSystem/homework%7Chomework-attempt")
assert len(json.loads(call("GET", v1))["items"]) == 200
assert len(json.loads(call("GET", fhir, extra={"Accept": "application/fhir+json"}))["entry"]) == 200

def timed(path, accept):
    began = time.perf_counter()
    call("GET", path, extra={"Accept": accept})
    return (time.perf_counter() - began) * 1000

for _ in range(int(os.environ["WARMUP"])):
    timed(v1, "application/json")
    timed(fhir, "application/fhir+json")
times = {"v1": [], "fhir": []}
for _ in range(int(os.environ["REQUESTS"])):
    times["v1"].append(timed(v1, "application/json"))
    times["fhir"].append(timed(fhir, "application/fhir+json"))

print(f"{'page of 200':<28} {'median ms':>10} {'p90 ms':>8}")
for name, label in (("v1", "/v1 attempts"), ("fhir", "/fhir/R4 Observations")):
    values = sorted(times[name])
    print(f"{label:<28} {statistics.median(values):>10.1f} {values[int(len(values) * 0.9)]:>8.1f}")
ratio = statistics.median(times["fhir"]) / statistics.median(times["v1"])
print(f"FHIR / v1 median: {ratio:.2f} x (budget 2 x)")
PY
