#!/usr/bin/env bash
# The API contract test: schemathesis runs every operation of the served OpenAPI document
# against the real `sejour` binary (fresh database, demo data), with every check and the
# examples, coverage, fuzzing and stateful phases, once per role (admin, guest, owner).
# Installs schemathesis itself in a virtual environment under the build cache.
# Ends with a line `N passed, N failed` (operations × roles) and a non-zero status on any
# failure. Environment: CONTRACT_MAX_EXAMPLES (default 25), CONTRACT_ROLES (default
# "admin guest owner"), CONTRACT_WORKERS (default 1), CONTRACT_REPORT_DIR (default
# ~/.cache/sejour/contract-report), CONTRACT_NDJSON=1 (also every request and response,
# `<role>.ndjson`), CONTRACT_EXTRA_ARGS (more schemathesis options), DATABASE_URL,
# REDIS_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
source scripts/services.sh
ensure_postgres
ensure_redis

CACHE="${SEJOUR_CACHE_DIR:-$HOME/.cache/sejour}"
MAX_EXAMPLES="${CONTRACT_MAX_EXAMPLES:-25}"
ROLES="${CONTRACT_ROLES:-admin guest owner}"
# One worker: CPython 3.11.7 crashes compiling in parallel threads (hypothesis lambdas).
WORKERS="${CONTRACT_WORKERS:-1}"
BASE_DB_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"

# 1. schemathesis, pinned, in the tests' virtual environment.
VENV=$(dirname "$(dirname "$(python_venv)")")

# 2. The binary.
BIN=$(debug_sejour)

# 3. The demo agency and the test data, in a database every role's run starts from.
WORK=$(mktemp -d)
SEED_DB="sejour_contract_$$"
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
SERVER_PID=""
DATABASES=("$SEED_DB")
stop_server() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  SERVER_PID=""
}
cleanup() {
  stop_server
  for db in "${DATABASES[@]}"; do
    psql "$BASE_DB_URL" -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
db_url() { echo "${BASE_DB_URL%/*}/$1"; }
# Serves database $1 with data directory $2 on $PORT, logging to $3, in role $4 (`api` by
# default; `all` runs the consumers too, as the preparation needs for a paid deposit's invoice).
serve() {
  DATABASE_URL=$(db_url "$1") SEJOUR_DATA_DIR="$2" "$BIN" "${4:-api}" >"$3" 2>&1 &
  SERVER_PID=$!
  wait_for_url "$BASE/health/live" && return
  cat "$3" >&2
  exit 1
}

export SEJOUR_DEV_MODE=true
export SEJOUR_HTTP_ADDR="127.0.0.1:$PORT"
export SEJOUR_LOG_FORMAT=json
# Fuzzed sign-ins (with the demo accounts' emails too) must not lock the test out;
# tokens outlive the run.
export SEJOUR_LOGIN_MAX_PER_IP=100000
export SEJOUR_LOGIN_MAX_FAILURES=100000
export SEJOUR_ACCESS_TOKEN_TTL_SECS=7200
# schemathesis sends one request at a time: a small pool leaves PostgreSQL's connections
# to whatever else runs on the machine.
export SEJOUR_DB_MAX_CONNECTIONS=8
# The prepared imported calendars are the API's own exports, on 127.0.0.1.
export SEJOUR_ICAL_ALLOW_PRIVATE_HOSTS=true
# Each role's server gets a copy of this data directory (photos, the dev JWT secret).
mkdir -p "$WORK/seed-data"
echo "==> migrating and seeding $SEED_DB" >&2
psql "$BASE_DB_URL" -q -c "CREATE DATABASE $SEED_DB" >/dev/null
DATABASE_URL=$(db_url "$SEED_DB") SEJOUR_DATA_DIR="$WORK/seed-data" "$BIN" migrate >"$WORK/migrate.log" 2>&1
DATABASE_URL=$(db_url "$SEED_DB") SEJOUR_DATA_DIR="$WORK/seed-data" "$BIN" demo seed >"$WORK/seed.log" 2>&1
echo "==> preparing the test data on $BASE" >&2
serve "$SEED_DB" "$WORK/seed-data" "$WORK/prepare.log" all
"$VENV/bin/python" scripts/contract.py prepare "$BASE" "$(db_url "$SEED_DB")" "$WORK/data.json" "$$"
stop_server

token() {
  curl -fsS -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1@demo.sejour.localhost\",\"password\":\"demo-password-2026\"}" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["accessToken"])'
}

# 4. One run per role, each on its own copy of the prepared database.
REPORTS="${CONTRACT_REPORT_DIR:-$CACHE/contract-report}"
rm -rf "$REPORTS"
mkdir -p "$REPORTS"
status=0
for role in $ROLES; do
  echo "==> schemathesis as $role" >&2
  role_db="${SEED_DB}_$role"
  DATABASES+=("$role_db")
  psql "$BASE_DB_URL" -q -c "CREATE DATABASE $role_db TEMPLATE $SEED_DB" >/dev/null
  cp -r "$WORK/seed-data" "$WORK/$role-data"
  serve "$role_db" "$WORK/$role-data" "$WORK/api-$role.log"
  bearer=$(token "$role")
  "$VENV/bin/python" scripts/contract.py config scripts/contract.toml "$WORK/data.json" "$role" "$WORK/$role.toml"
  set +e
  # From the temporary directory: schemathesis keeps a cache in its working directory.
  (cd "$WORK" && CONTRACT_DATA="$WORK/data.json" SCHEMATHESIS_HOOKS="$ROOT/scripts/contract.py" \
    "$VENV/bin/schemathesis" --config-file "$WORK/$role.toml" \
    run "$BASE/api/v1/openapi.json" --url "$BASE" \
    --checks all \
    --phases examples,coverage,fuzzing,stateful \
    --max-examples "$MAX_EXAMPLES" \
    --workers "$WORKERS" \
    --seed 2026 \
    --generation-database none \
    --request-timeout 30 \
    --no-color \
    -H "Authorization: Bearer $bearer" \
    ${CONTRACT_NDJSON:+--report ndjson --report-ndjson-path "$REPORTS/$role.ndjson"} \
    ${CONTRACT_EXTRA_ARGS:-} \
    --report junit --report-junit-path "$REPORTS/$role.xml" \
    >"$REPORTS/$role.log" 2>&1)
  rc=$?
  set -e
  stop_server
  if [ "$rc" != 0 ]; then
    echo "server log ($role): errors" >&2
    grep -i '"level":"ERROR"' "$WORK/api-$role.log" | tail -n 20 >&2 || true
  fi
  tail -n 40 "$REPORTS/$role.log"
  [ "$rc" = 0 ] || status=1
done

# 5. One line for humans and CI.
python3 - "$REPORTS" $ROLES <<'PY' || status=1
import sys, xml.etree.ElementTree as ET
directory, roles = sys.argv[1], sys.argv[2:]
passed = failed = 0
for role in roles:
    try:
        root = ET.parse(f"{directory}/{role}.xml").getroot()
    except (OSError, ET.ParseError):
        print(f"{role}: no report")
        failed += 1
        continue
    for case in root.iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
            print(f"FAILED [{role}] {case.get('name')}")
        else:
            passed += 1
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
exit "$status"
