#!/usr/bin/env bash
# Mints a token signed with the throwaway development key in dev/keys. Only the dev and
# test profiles trust that key; production verifies the clinic identity provider's keys.
#
#   dev/mint-token.sh [--role clinician|integration|admin|client] [--clinic UUID]
#                     [--sub SUBJECT] [--client UUID] [--ttl SECONDS] [--aud AUDIENCE]
#
# The audience defaults to homework-api, the one the dev and test profiles expect.
set -euo pipefail

role=clinician
clinic=00000000-0000-4000-8000-000000000001
sub=""
client=""
ttl=3600
aud=homework-api
while [ $# -gt 0 ]; do
  case "$1" in
    --role) role=$2; shift 2 ;;
    --clinic) clinic=$2; shift 2 ;;
    --sub) sub=$2; shift 2 ;;
    --client) client=$2; shift 2 ;;
    --ttl) ttl=$2; shift 2 ;;
    --aud) aud=$2; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
if [ "$role" = client ] && [ -z "$client" ]; then
  echo "a client token needs --client CLIENT_ID" >&2
  exit 2
fi
[ -n "$sub" ] || sub="dev-$role"

here=$(cd "$(dirname "$0")" && pwd)
now=$(date +%s)
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

header='{"alg":"RS256","typ":"JWT"}'
payload="{\"iss\":\"https://dev.homework-api.local\",\"aud\":\"$aud\",\"sub\":\"$sub\",\"groups\":[\"$role\"],\"clinic_id\":\"$clinic\",\"iat\":$now,\"exp\":$((now + ttl))"
[ -z "$client" ] || payload="$payload,\"client_id\":\"$client\""
payload="$payload}"

unsigned="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
signature=$(printf '%s' "$unsigned" | openssl dgst -sha256 -sign "$here/keys/privateKey.pem" | b64url)
printf '%s.%s\n' "$unsigned" "$signature"
