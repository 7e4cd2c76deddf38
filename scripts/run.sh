#!/usr/bin/env bash
# Runs the whole platform (API + worker + scheduler) with the embedded defaults:
# PostgreSQL at 127.0.0.1:5432 (started if needed), files under ./.data, API on
# http://127.0.0.1:8080 (docs at /docs). Extra arguments go to `sejour`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh
ensure_postgres
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/sejour}"
exec cargo run --release --locked -p sejour -- "${@:-all}"
