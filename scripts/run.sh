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
cargo build --release --locked -p sejour
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
NEXT_TELEMETRY_DISABLED=1 npm run --silent build -w web >/dev/null

"$(cd "${CARGO_TARGET_DIR:-target}" && pwd)/release/sejour" all &
api=$!
PORT="${WEB_PORT:-3000}" HOSTNAME=127.0.0.1 NEXT_TELEMETRY_DISABLED=1 \
  SEJOUR_API_URL="http://$SEJOUR_HTTP_ADDR" node web/.next/standalone/web/server.js &
web=$!
trap 'kill "$api" "$web" 2>/dev/null || true' EXIT INT TERM
echo "Séjour: web app http://127.0.0.1:${WEB_PORT:-3000}, API http://$SEJOUR_HTTP_ADDR (docs /docs)" >&2
# Stop both when either stops.
wait -n "$api" "$web"
