#!/usr/bin/env bash
# Page weight and largest contentful paint of the search and property pages: the production
# web build and the real API (demo data) on this machine, measured in Debian's Chromium
# (web/bench/page-weight.mjs), then the planning board at 200 properties (web/bench/board.mjs).
# RUNS (default 7) loads per page; prints Markdown tables.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh
source scripts/demo-api.sh
export NEXT_TELEMETRY_DISABLED=1
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
start_demo_api
web=""
trap 'kill $web 2>/dev/null || true; stop_demo_api' EXIT
npm run --silent build -w web >/dev/null
port=$(free_port)
PORT=$port HOSTNAME=127.0.0.1 SEJOUR_API_URL="$DEMO_API_URL" SEJOUR_MAP_TILES_URL="/tiles/{z}/{x}/{y}.png" \
  node web/.next/standalone/web/server.js >/dev/null 2>&1 &
web=$!
wait_for_url "http://127.0.0.1:$port/fr"
BASE_URL="http://127.0.0.1:$port" SEJOUR_API_URL="$DEMO_API_URL" node web/bench/page-weight.mjs
echo
BASE_URL="http://127.0.0.1:$port" SEJOUR_API_URL="$DEMO_API_URL" node web/bench/board.mjs
