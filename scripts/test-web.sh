#!/usr/bin/env bash
# The TypeScript side: the SDK and the web app. Lint (Biome), types (tsc), the generated SDK
# against openapi.json, unit tests (node:test, Vitest), then, against the real `sejour` binary
# with demo data: the SDK's contract test and the end-to-end tests in Debian's Chromium
# driving the production build of the web app. Installs Chromium (Debian) and the npm
# dependencies (package-lock.json) when missing. Each runner ends with `N passed, N failed`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh
source scripts/demo-api.sh
export NEXT_TELEMETRY_DISABLED=1

if ! command -v chromium >/dev/null 2>&1; then
  echo "==> installing Chromium and fonts (Debian)" >&2
  apt_install chromium fonts-dejavu-core fonts-liberation2
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> npm ci" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi

echo "==> biome" >&2
npx biome ci .
echo "==> sdk: generated types" >&2
npm run --silent check:generated -w sdk
echo "==> tsc" >&2
npm run --silent typecheck -w sdk
npm run --silent typecheck -w web
echo "==> web unit tests" >&2
npm run --silent test -w web

# The real API, as the web app runs against it: behind the Next server (trusted proxy), with
# sign-in limits that the suite's many sign-ins from one address do not reach.
export SEJOUR_TRUSTED_PROXIES=127.0.0.1
export SEJOUR_LOGIN_MAX_PER_IP=100000
start_demo_api
trap stop_demo_api EXIT
export SEJOUR_API_URL="$DEMO_API_URL"
# Map tiles from this origin, stubbed by the tests (no tile server reachable from CI).
export SEJOUR_MAP_TILES_URL="/tiles/{z}/{x}/{y}.png"

echo "==> sdk tests (unit and against the API)" >&2
npm run --silent test -w sdk
echo "==> web: production build" >&2
npm run --silent build -w web >/dev/null
echo "==> web: end-to-end (Chromium)" >&2
WEB_PORT=$(free_port)
export WEB_PORT
# Extra arguments select specs, e.g. `scripts/test-web.sh backoffice`.
npm run --silent e2e -w web -- "$@"
