#!/usr/bin/env bash
# The API contract test: schemathesis runs every operation of the served OpenAPI document
# against the real `sejour` binary (fresh database, demo data), with every check and the
# examples, coverage, fuzzing and stateful phases, once per role (admin, guest, owner).
# Installs schemathesis itself in a virtual environment under the build cache.
# Ends with a line `N passed, N failed` (operations × roles) and a non-zero status on any
# failure. Environment: CONTRACT_MAX_EXAMPLES (default 25), CONTRACT_ROLES (default
# "admin guest owner"), CONTRACT_WORKERS (default 1), DATABASE_URL, REDIS_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
source scripts/services.sh
ensure_postgres
ensure_redis

SCHEMATHESIS_VERSION=4.32.5
CACHE="${SEJOUR_CACHE_DIR:-$HOME/.cache/sejour}"
VENV="$CACHE/venv"
MAX_EXAMPLES="${CONTRACT_MAX_EXAMPLES:-25}"
ROLES="${CONTRACT_ROLES:-admin guest owner}"
# One worker: CPython 3.11.7 crashes compiling in parallel threads (hypothesis lambdas).
WORKERS="${CONTRACT_WORKERS:-1}"
BASE_DB_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"

# 1. schemathesis, pinned, in its own virtual environment.
if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  echo "==> installing python3-venv" >&2
  apt_install python3-venv
fi
if ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
  echo "==> installing schemathesis $SCHEMATHESIS_VERSION into $VENV" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

# 2. The binary.
echo "==> building sejour" >&2
cargo build --locked -p sejour --quiet
BIN="$(cd "${CARGO_TARGET_DIR:-target}" && pwd)/debug/sejour"

# 3. A fresh database, data directory and port.
WORK=$(mktemp -d)
DB_NAME="sejour_contract_$$"
DB_URL="${BASE_DB_URL%/*}/$DB_NAME"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  psql "$BASE_DB_URL" -q -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
psql "$BASE_DB_URL" -q -c "CREATE DATABASE $DB_NAME" >/dev/null

export DATABASE_URL="$DB_URL"
export SEJOUR_DEV_MODE=true
export SEJOUR_DATA_DIR="$WORK/data"
export SEJOUR_HTTP_ADDR="127.0.0.1:$PORT"
export SEJOUR_LOG_FORMAT=json
# Fuzzed sign-ins must not lock the test out; tokens outlive the run.
export SEJOUR_LOGIN_MAX_PER_IP=100000
export SEJOUR_ACCESS_TOKEN_TTL_SECS=7200
echo "==> migrating and seeding $DB_NAME" >&2
"$BIN" migrate >"$WORK/migrate.log" 2>&1
"$BIN" demo seed >"$WORK/seed.log" 2>&1
echo "==> starting the API on $BASE" >&2
"$BIN" api >"$WORK/api.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
  curl -fsS "$BASE/health/live" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "$BASE/health/live" >/dev/null || { cat "$WORK/api.log" >&2; exit 1; }

token() {
  curl -fsS -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1@demo.sejour.localhost\",\"password\":\"demo-password-2026\"}" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["accessToken"])'
}

# 4. One run per role.
REPORTS="${CONTRACT_REPORT_DIR:-$CACHE/contract-report}"
rm -rf "$REPORTS"
mkdir -p "$REPORTS"
status=0
for role in $ROLES; do
  echo "==> schemathesis as $role" >&2
  bearer=$(token "$role")
  set +e
  # From the temporary directory: schemathesis keeps a cache in its working directory.
  (cd "$WORK" && "$VENV/bin/schemathesis" --config-file "$ROOT/scripts/contract.toml" \
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
    --report junit --report-junit-path "$REPORTS/$role.xml" \
    >"$REPORTS/$role.log" 2>&1)
  rc=$?
  set -e
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
if [ "$status" != 0 ]; then
  echo "server log: tail of $WORK/api.log" >&2
  grep -i '"level":"ERROR"' "$WORK/api.log" | tail -n 20 >&2 || true
fi
exit "$status"
