#!/usr/bin/env bash
# Runs every test: the Rust workspace against real PostgreSQL, Redis and an S3 server (started
# if needed), the API contract test (scripts/contract.sh), then the SDK and the web app
# (scripts/test-web.sh: lint, types, unit, SDK contract, end-to-end in Chromium).
# Each database test gets a fresh database (sqlx::test) created from DATABASE_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh
ensure_postgres
ensure_redis
ensure_s3
# pdftotext reads the PDFs the platform renders (invoices) in the tests, and
# scripts/facturx_check.py validates its Factur-X invoices (XSD, EN 16931 Schematron, XMP).
command -v pdftotext >/dev/null 2>&1 || apt_install poppler-utils
export TEST_PYTHON
TEST_PYTHON=$(python_venv)
export DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
# Not SEJOUR_*: the settings loader refuses unknown SEJOUR_ variables.
export TEST_S3_ENDPOINT=http://127.0.0.1:9000
export TEST_S3_BUCKET="$S3_TEST_BUCKET"
export TEST_S3_ACCESS_KEY_ID="$S3_TEST_ACCESS_KEY_ID"
export TEST_S3_SECRET_ACCESS_KEY="$S3_TEST_SECRET_ACCESS_KEY"
cargo test --workspace --locked "$@"
# The API contract: schemathesis against the real binary (SKIP_CONTRACT=1 to skip).
if [ "${SKIP_CONTRACT:-0}" != 1 ]; then
  scripts/contract.sh
fi
# The SDK and the web app (SKIP_WEB=1 to skip).
if [ "${SKIP_WEB:-0}" != 1 ]; then
  scripts/test-web.sh
fi
