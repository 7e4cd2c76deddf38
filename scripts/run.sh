#!/usr/bin/env bash
# Runs the whole platform with the embedded defaults: the API, worker and scheduler (one
# `sejour all` process) on http://127.0.0.1:8080 (docs at /docs) and the web app on
# http://127.0.0.1:3000, which talks to the API. PostgreSQL at 127.0.0.1:5432 (started if
# needed), files under ./.data. Arguments go to `sejour` instead, e.g.
# `./scripts/run.sh demo seed` or `./scripts/run.sh admin create --email you@example.com`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh
ensure_postgres
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/sejour}"
# Development defaults: without SEJOUR_JWT_SECRET, dev mode keeps a generated secret in
# ./.data; emails land as .eml files in ./.data/mail. Set SEJOUR_DEV_MODE=false and a
# real SEJOUR_JWT_SECRET in production.
export SEJOUR_DEV_MODE="${SEJOUR_DEV_MODE:-true}"
if [ "$#" -gt 0 ]; then
  exec cargo run --release --locked -p sejour -- "$@"
fi

# The web app is the API's client from 127.0.0.1: the API trusts its X-Forwarded-For.
export SEJOUR_TRUSTED_PROXIES="${SEJOUR_TRUSTED_PROXIES:-127.0.0.1}"
export SEJOUR_HTTP_ADDR="${SEJOUR_HTTP_ADDR:-127.0.0.1:8080}"
WEB_URL="http://127.0.0.1:${WEB_PORT:-3000}"
# Links in emails (password reset...) open the web app.
export SEJOUR_PUBLIC_URL="${SEJOUR_PUBLIC_URL:-$WEB_URL}"
cargo build --release --locked -p sejour
BIN="$(cd "${CARGO_TARGET_DIR:-target}" && pwd)/release/sejour"
"$BIN" migrate
# In development, an empty database gets the demo agency (its summary lists the accounts);
# `demo seed` refuses (exit 2) a database that already has data, which is left as it is.
if [ "$SEJOUR_DEV_MODE" = true ]; then
  "$BIN" demo seed || [ "$?" = 2 ]
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
NEXT_TELEMETRY_DISABLED=1 npm run --silent build -w web >/dev/null

# The web app's variables are not the API's (it refuses unknown SEJOUR_* variables).
env -u SEJOUR_API_URL -u SEJOUR_MAP_TILES_URL -u SEJOUR_MAP_ATTRIBUTION "$BIN" all &
api=$!
PORT="${WEB_PORT:-3000}" HOSTNAME=127.0.0.1 NEXT_TELEMETRY_DISABLED=1 \
  SEJOUR_API_URL="http://$SEJOUR_HTTP_ADDR" node web/.next/standalone/web/server.js &
web=$!
trap 'kill "$api" "$web" 2>/dev/null || true' EXIT INT TERM
echo "Séjour is running: open $WEB_URL (API http://$SEJOUR_HTTP_ADDR, docs /docs)" >&2
# Stop both when either stops.
wait -n "$api" "$web"
