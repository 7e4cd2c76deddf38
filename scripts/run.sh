#!/usr/bin/env bash
# Runs the whole platform (API + worker + scheduler) with the embedded defaults:
# PostgreSQL at 127.0.0.1:5432 (started if needed), files under ./.data, API on
# http://127.0.0.1:8080 (docs at /docs). Extra arguments go to `sejour`, e.g.
# `./scripts/run.sh admin create --email you@example.com --password '...'`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh
ensure_postgres
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/sejour}"
# Development defaults: without SEJOUR_JWT_SECRET, dev mode keeps a generated secret in
# ./.data; emails land as .eml files in ./.data/mail. Set SEJOUR_DEV_MODE=false and a
# real SEJOUR_JWT_SECRET in production.
export SEJOUR_DEV_MODE="${SEJOUR_DEV_MODE:-true}"
exec cargo run --release --locked -p sejour -- "${@:-all}"
