# Sourced by the benchmarks: runs the packaged service on a schema of the benchmark's own.
#
# start_service SCHEMA PORT LOG [NAME=value ...]
#   Drops SCHEMA (unless KEEP_SCHEMA is set: a second service on the first one's rows), so the
#   run always starts empty on the current migrations; builds the jar
#   if there is none; starts the service in the background with the dev token keys and the
#   extra settings given; sets APP to its pid (stopped when the script exits); returns once
#   the service is ready (its health is on the management port, PORT + 1000, or on PORT in
#   builds older than that port). Stops the
#   script if the port is already taken (a service left over from an earlier run would
#   otherwise answer in its place) or the service never gets ready.
start_service() {
  local schema=$1 port=$2 log=$3
  shift 3
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "Port $port is taken; stop whatever listens there (an earlier run's service?)." >&2
    exit 1
  fi
  if [ -z "${KEEP_SCHEMA:-}" ]; then
    psql -qc "drop schema if exists $schema cascade"
  fi
  if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
    ./mvnw -B -q package -DskipTests
  fi
  local management=$((port + 1000))
  env "$@" DB_SCHEMA="$schema" PORT="$port" MANAGEMENT_PORT="$management" JWT_ISSUER=https://dev.homework-api.local \
    JWT_PUBLIC_KEY_LOCATION=dev/keys/publicKey.pem JWT_AUDIENCE=homework-api \
    SYNC_CURSOR_KEY=bench-only-cursor-key-not-for-production-use \
    java -jar target/quarkus-app/quarkus-run.jar > "$log" 2>&1 &
  APP=$!
  trap 'kill $APP 2>/dev/null || true' EXIT
  for _ in $(seq 1 60); do
    curl -sf "http://127.0.0.1:$management/q/health/ready" > /dev/null && return 0
    # Builds from before the management port (such as 6c96ed3, compared by bench/scoring/compare.sh)
    curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null && return 0
    sleep 1
  done
  echo "The service was not ready after 60 s; see $log" >&2
  exit 1
}

# build_dir REVISION
#   Prints the directory holding REVISION's packaged build: the working tree as it is for ".",
#   else a worktree of its own under $ROOT/target/compare, packaged once. Needs ROOT set to the
#   repository's root.
build_dir() {
  if [ "$1" = . ]; then
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests) >&2
    echo "$ROOT"
    return
  fi
  local dir
  dir=$ROOT/target/compare/$(git -C "$ROOT" rev-parse --short "$1")
  if [ ! -d "$dir" ]; then
    git -C "$ROOT" worktree add -q --detach "$dir" "$1" >&2
  fi
  (cd "$dir" && [ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests) >&2
  echo "$dir"
}
