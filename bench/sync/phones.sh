# Sourced by bench/sync/run.sh and bench/sync/cpu.sh: the clients whose phones the load posts for.
#
# create_phones API TOKEN COUNT
#   Creates COUNT clients with one assignment each through the API and sets ASSIGNMENTS to their
#   ids, comma-separated, for attempts.lua: requests spread over the clients as a clinic's traffic
#   does (one client's own attempts are never hundreds a second).
create_phones() {
  local api=$1 token=$2 count=$3 client assignment
  ASSIGNMENTS=""
  for _ in $(seq 1 "$count"); do
    client=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -X POST "$api/v1/clients" \
      -d '{"timeZone":"Europe/Berlin"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
    assignment=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -X POST "$api/v1/clients/$client/assignments" \
      -d '{"title":"Touch the door handle","kind":"exposure","schedule":{"type":"times_per_week","timesPerWeek":3,"startDate":"2026-01-05"}}' \
      | sed -E 's/.*"id":"([^"]+)".*/\1/')
    ASSIGNMENTS="$ASSIGNMENTS${ASSIGNMENTS:+,}$assignment"
    # pgbench in run.sh stores its rows for the last of them.
    CLIENT=$client ASSIGNMENT=$assignment
  done
}
