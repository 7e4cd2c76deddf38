#!/usr/bin/env bash
# Runs every test of the workspace against real PostgreSQL and Redis (started if needed).
# Each database test gets a fresh database (sqlx::test) created from DATABASE_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh
ensure_postgres
ensure_redis
export DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
exec cargo test --workspace --locked "$@"
