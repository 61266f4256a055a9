#!/usr/bin/env bash
# The README's walk-through: a clinician creates a client, a goal and an assignment, the client
# logs three attempts from its phone, and the clinician reads the client's weekly compliance.
# Stops at the first failure and shows its problem+json body.
#
#   dev/walk-through.sh [API]      (default http://localhost:8080, as ./mvnw quarkus:dev serves it)
set -euo pipefail
cd "$(dirname "$0")/.."
API=${1:-http://localhost:8080}
CLINIC=${CLINIC:-00000000-0000-4000-8000-000000000001}

# A 4xx or 5xx ends the script with its problem+json on stderr, instead of passing it on as data.
call() {
  local body
  if ! body=$(curl -sS --fail-with-body -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@"); then
    echo "$body" >&2
    return 1
  fi
  echo "$body"
}
id() { sed -E 's/.*"id":"([^"]+)".*/\1/'; }

TOKEN=$(dev/mint-token.sh --role clinician --clinic "$CLINIC")
MRN="MRN-$RANDOM$RANDOM"   # an EHR identifier is unique per clinic, so each run takes a new one

echo "1. The EHR creates the client by its medical record number"
CLIENT=$(call -X POST "$API/v1/clients" -d "{\"externalIds\":[{\"system\":\"urn:ehr:example\",\"value\":\"$MRN\"}],
  \"timeZone\":\"Europe/Berlin\",\"treatmentStartDate\":\"2026-03-02\"}" | id)
echo "   client $CLIENT"

echo "2. A treatment goal, and an exposure three times a week that serves it"
GOAL=$(call -X POST "$API/v1/clients/$CLIENT/goals" \
  -d '{"title":"Use public toilets without washing rituals","target":{"instrument":"ybocs","value":12}}' | id)
ASSIGNMENT=$(call -X POST "$API/v1/clients/$CLIENT/assignments" -d "{\"goalIds\":[\"$GOAL\"],
  \"title\":\"Touch the door handle, no washing for 30 minutes\",\"kind\":\"exposure\",\"difficulty\":50,
  \"schedule\":{\"type\":\"times_per_week\",\"timesPerWeek\":3,\"startDate\":\"2026-03-02\"}}" | id)
echo "   goal $GOAL, assignment $ASSIGNMENT"

echo "3. The client's phone logs three attempts in the first week, with its own token"
TOKEN=$(dev/mint-token.sh --role client --clinic "$CLINIC" --client "$CLIENT")
for day in 03 05 07; do
  call -X POST "$API/v1/assignments/$ASSIGNMENT/attempts" \
    -d "{\"occurredAt\":\"2026-03-${day}T18:30:00+01:00\",\"outcome\":\"completed\",\"suds\":{\"before\":40,\"peak\":65,\"after\":25}}" \
    > /dev/null
done
call "$API/v1/clients/$CLIENT/assignments"

echo "4. The clinician finds the client by its EHR identifier and reads its compliance"
TOKEN=$(dev/mint-token.sh --role clinician --clinic "$CLINIC")
call -G --data-urlencode "identifier=urn:ehr:example|$MRN" "$API/v1/clients" > /dev/null
call "$API/v1/clients/$CLIENT/compliance?from=2026-03-02&to=2026-03-15"
