#!/usr/bin/env bash
# `start_demo_api`: the real `sejour` binary (built here, or SEJOUR_BIN) (API + worker + scheduler) on a fresh database
# with the demo agency, on a free port of 127.0.0.1; sets DEMO_API_URL, DEMO_API_DIR (logs,
# files) and DEMO_API_PID. `stop_demo_api` stops it and drops the database. Sourced by the
# contract and web test scripts, after scripts/services.sh. Extra environment for the
# binary may be exported before the call.
set -euo pipefail

start_demo_api() {
  ensure_postgres
  ensure_redis
  if [ -n "${SEJOUR_BIN:-}" ]; then
    DEMO_API_BIN="$SEJOUR_BIN"
  else
    DEMO_API_BIN=$(debug_sejour)
  fi
  DEMO_API_BASE_DB="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
  DEMO_API_DB="sejour_demo_$$_$RANDOM"
  DEMO_API_DIR=$(mktemp -d)
  local port
  port=$(free_port)
  DEMO_API_URL="http://127.0.0.1:$port"
  psql "$DEMO_API_BASE_DB" -q -c "CREATE DATABASE $DEMO_API_DB" >/dev/null
  (
    # The web app's and this script's variables are not the API's (it refuses unknown SEJOUR_*).
    unset SEJOUR_BIN SEJOUR_API_URL SEJOUR_MAP_TILES_URL SEJOUR_MAP_ATTRIBUTION
    export DATABASE_URL="${DEMO_API_BASE_DB%/*}/$DEMO_API_DB"
    export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
    export SEJOUR_DEV_MODE=true
    export SEJOUR_DATA_DIR="$DEMO_API_DIR/data"
    export SEJOUR_HTTP_ADDR="127.0.0.1:$port"
    export SEJOUR_LOG_FORMAT=json
    echo "==> migrating and seeding $DEMO_API_DB" >&2
    "$DEMO_API_BIN" migrate >"$DEMO_API_DIR/migrate.log" 2>&1
    "$DEMO_API_BIN" demo seed >"$DEMO_API_DIR/seed.log" 2>&1
    exec "$DEMO_API_BIN" "${DEMO_API_MODE:-all}" >"$DEMO_API_DIR/api.log" 2>&1
  ) &
  DEMO_API_PID=$!
  wait_for_url "$DEMO_API_URL/health/live" 150 || { cat "$DEMO_API_DIR"/*.log >&2; return 1; }
  echo "==> the demo API answers on $DEMO_API_URL" >&2
  export DEMO_API_URL DEMO_API_DIR DEMO_API_PID
}

stop_demo_api() {
  if [ -n "${DEMO_API_PID:-}" ]; then
    kill "$DEMO_API_PID" 2>/dev/null || true
    wait "$DEMO_API_PID" 2>/dev/null || true
    DEMO_API_PID=""
  fi
  if [ -n "${DEMO_API_DB:-}" ]; then
    psql "$DEMO_API_BASE_DB" -q -c "DROP DATABASE IF EXISTS $DEMO_API_DB WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  [ -n "${DEMO_API_DIR:-}" ] && rm -rf "$DEMO_API_DIR"
  return 0
}
