#!/usr/bin/env bash
# Makes sure PostgreSQL, Redis (ensure_redis) and an S3 test server (ensure_s3) answer on
# 127.0.0.1, installing and starting them when they are missing. Sourced by run.sh and test.sh.
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  as_root apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

ensure_postgres() {
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then return; fi
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "==> installing PostgreSQL" >&2
    apt_install postgresql
  fi
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  echo "==> starting PostgreSQL $version" >&2
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && break
    sleep 1
  done
  pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL did not start" >&2; exit 1; }
  # Local development trusts local connections, as the platform's default URL expects.
  if ! psql -h 127.0.0.1 -U postgres -c 'select 1' >/dev/null 2>&1; then
    local hba
    hba=$(ls /etc/postgresql/"$version"/main/pg_hba.conf)
    as_root sed -i -E 's/^(host\s+all\s+all\s+127\.0\.0\.1\/32\s+)\S+/\1trust/; s/^(local\s+all\s+postgres\s+)\S+/\1trust/' "$hba"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main reload
  fi
}

ensure_redis() {
  if redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then return; fi
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "==> installing Redis" >&2
    apt_install redis-server
  fi
  echo "==> starting Redis" >&2
  mkdir -p /tmp/sejour-redis
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
    --dir /tmp/sejour-redis --logfile /tmp/sejour-redis/redis.log
  for _ in $(seq 1 30); do
    redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && return
    sleep 0.5
  done
  echo "Redis did not start" >&2
  exit 1
}

# An S3-compatible test server (s3s-fs) on 127.0.0.1:9000 serving /tmp/sejour-s3, each
# bucket a subdirectory, with fixed test credentials. Installed with cargo the first time
# (into cargo's bin directory, kept between runs). Used by the object-storage tests.
S3_TEST_ACCESS_KEY_ID=sejour-test
S3_TEST_SECRET_ACCESS_KEY=sejour-test-secret
S3_TEST_BUCKET=sejour-test
S3_TEST_ROOT=/tmp/sejour-s3

s3_listening() { (exec 3<>/dev/tcp/127.0.0.1/9000) 2>/dev/null; }

ensure_s3() {
  mkdir -p "$S3_TEST_ROOT/$S3_TEST_BUCKET"
  if s3_listening; then return; fi
  local bin
  bin=$(command -v s3s-fs || echo "${CARGO_HOME:-$HOME/.cargo}/bin/s3s-fs")
  if [ ! -x "$bin" ]; then
    echo "==> installing s3s-fs (takes about two minutes, once)" >&2
    env -u CARGO_TARGET_DIR cargo install s3s-fs --version 0.14.1 --locked --features binary --quiet
  fi
  echo "==> starting s3s-fs on 127.0.0.1:9000" >&2
  setsid nohup "$bin" --host 127.0.0.1 --port 9000 \
    --access-key "$S3_TEST_ACCESS_KEY_ID" --secret-key "$S3_TEST_SECRET_ACCESS_KEY" \
    "$S3_TEST_ROOT" </dev/null >/tmp/sejour-s3.log 2>&1 &
  for _ in $(seq 1 50); do
    s3_listening && return
    sleep 0.2
  done
  echo "s3s-fs did not start (see /tmp/sejour-s3.log)" >&2
  exit 1
}

# A build directory outside the clone, reused between runs and clones.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/sejour/target}"

# A free TCP port on 127.0.0.1.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits for URL $1 to answer, trying $2 times (default 100) every 0.2 s; fails if it never does.
wait_for_url() {
  for _ in $(seq 1 "${2:-100}"); do
    curl -fsS "$1" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  return 1
}

# Builds the debug `sejour` binary (the tests' API) and prints its path.
debug_sejour() {
  echo "==> building sejour" >&2
  cargo build --locked -p sejour --quiet
  echo "$(cd "$CARGO_TARGET_DIR" && pwd)/debug/sejour"
}

# The tests' Python tools, pinned, in one virtual environment under the build cache
# (installed once): schemathesis (the API contract), factur-x with saxonche and pypdf
# (the Factur-X validator, scripts/facturx_check.py). Prints the environment's python.
PY_REQUIREMENTS=(schemathesis==4.32.5 factur-x==7.8 saxonche==13.1.1 pypdf==7.1.1)
python_venv() {
  local venv="${SEJOUR_CACHE_DIR:-$HOME/.cache/sejour}/venv"
  if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
    echo "==> installing python3-venv" >&2
    apt_install python3-venv
  fi
  local stamp="$venv/.requirements"
  if [ "$(cat "$stamp" 2>/dev/null)" != "${PY_REQUIREMENTS[*]}" ]; then
    echo "==> installing ${PY_REQUIREMENTS[*]} into $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "${PY_REQUIREMENTS[@]}" >&2
    echo "${PY_REQUIREMENTS[*]}" > "$stamp"
  fi
  echo "$venv/bin/python"
}
