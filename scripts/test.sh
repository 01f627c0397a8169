#!/usr/bin/env bash
# The whole test suite, from a fresh clone: `npm test` (CI: .ci/run).
#
#   1. installs dependencies (npm ci) when CI=true or node_modules is missing/stale
#   2. finds Postgres and Redis (TEST_DATABASE_URL / TEST_REDIS_URL, else the local
#      defaults), starting them if they are down and we know how
#      and makes sure the tools the end-to-end tests drive are installed (the real
#      Alertmanager, Chromium for the web UI; apt-get when running as root)
#   3. lint (eslint + circular imports), typecheck and the web build
#   4. every vitest project; the integration project's globalSetup creates and
#      migrates its own template database from TEST_DATABASE_URL
#
# Any failing step stops the run with a non-zero exit.
set -euo pipefail
cd "$(dirname "$0")/.."

DEFAULT_DATABASE_URL='postgresql://postgres@127.0.0.1:5432/postgres'
DEFAULT_REDIS_URL='redis://127.0.0.1:6379'
# what the docker compose fallback publishes (deploy/compose/test-services.yml)
COMPOSE_DATABASE_URL='postgresql://heinrich:heinrich@127.0.0.1:5432/heinrich'
COMPOSE_REDIS_URL='redis://127.0.0.1:6379'

step() { printf '\n==> %s\n' "$*"; }
fail() { printf '\ntest.sh: %s\n' "$*" >&2; exit 1; }
# postgresql://user:secret@host -> postgresql://user:***@host
redact() { sed -E 's#(://[^:/@]*:)[^@]*@#\1***@#' <<<"$1"; }

# --- 1. dependencies -------------------------------------------------------------
step 'dependencies'
command -v node >/dev/null || fail 'node is not installed (Node >= 20.19 needed; containers use Node 22).'
if [[ "${CI:-}" == 'true' || ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  # npm ci also runs our postinstall: offline `prisma generate`
  npm ci --no-audit --no-fund
elif [[ ! -f packages/db/src/generated/prisma/client.ts || prisma/schema.prisma -nt packages/db/src/generated/prisma/client.ts ]]; then
  npm run generate
else
  echo 'node_modules is up to date with package-lock.json; skipping npm ci'
fi

# --- 2. services -------------------------------------------------------------------
step 'services'
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-$DEFAULT_DATABASE_URL}"
export TEST_REDIS_URL="${TEST_REDIS_URL:-$DEFAULT_REDIS_URL}"

postgres_up() {
  if command -v psql >/dev/null; then
    psql "$1" -AtqX -c 'select 1' >/dev/null 2>&1
  else
    node --input-type=module -e '
      const pg = (await import("pg")).default;
      const client = new pg.Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
      await client.connect(); await client.query("select 1"); await client.end();
    ' "$1" >/dev/null 2>&1
  fi
}

redis_up() {
  if command -v redis-cli >/dev/null; then
    [[ "$(timeout 5 redis-cli -u "$1" ping 2>/dev/null)" == 'PONG' ]]
  else
    node --input-type=module -e '
      const { Redis } = await import("ioredis");
      const r = new Redis(process.argv[1], { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
      await r.connect(); const pong = await r.ping(); r.disconnect(); if (pong !== "PONG") process.exit(1);
    ' "$1" >/dev/null 2>&1
  fi
}

# wait_for <check> <url>: up to ~30 s
wait_for() {
  for _ in $(seq 1 30); do "$1" "$2" && return 0; sleep 1; done
  return 1
}

start_local_postgres() {
  command -v pg_ctlcluster >/dev/null && [[ -d /etc/postgresql ]] || return 1
  local version
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  [[ -n "$version" ]] || return 1
  echo "starting the local PostgreSQL $version cluster (pg_ctlcluster)"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || return 1
  wait_for postgres_up "$TEST_DATABASE_URL"
}

start_local_redis() {
  command -v redis-server >/dev/null || return 1
  local dir=/var/lib/redis logfile=/var/log/redis/ci.log
  if ! mkdir -p "$dir" "$(dirname "$logfile")" 2>/dev/null || [[ ! -w "$dir" ]]; then
    dir="${TMPDIR:-/tmp}/heinrich-test-redis" logfile="${TMPDIR:-/tmp}/heinrich-test-redis/redis.log"
    mkdir -p "$dir"
  fi
  echo 'starting a local redis-server on 127.0.0.1:6379 (no persistence)'
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save '' --appendonly no \
    --dir "$dir" --logfile "$logfile" || return 1
  wait_for redis_up "$TEST_REDIS_URL"
}

docker_engine() { command -v docker >/dev/null && docker info >/dev/null 2>&1; }

# start_compose_services <service>...: the compose stack's own postgres/redis, published on
# 127.0.0.1 by deploy/compose/test-services.yml; only for services found missing.
start_compose_services() {
  docker_engine || return 1
  local compose=(docker compose)
  docker compose version >/dev/null 2>&1 || compose=(docker-compose)
  echo "starting $* with ${compose[*]}"
  "${compose[@]}" -f docker-compose.yml -f deploy/compose/test-services.yml up -d "$@" || return 1
  for service in "$@"; do
    case "$service" in
      postgres) export TEST_DATABASE_URL="$COMPOSE_DATABASE_URL"; wait_for postgres_up "$TEST_DATABASE_URL" || return 1 ;;
      redis) export TEST_REDIS_URL="$COMPOSE_REDIS_URL"; wait_for redis_up "$TEST_REDIS_URL" || return 1 ;;
    esac
  done
}

# Auto-start only for the defaults: an explicitly given URL names a server we don't own.
pg_default=false redis_default=false
[[ "$TEST_DATABASE_URL" == "$DEFAULT_DATABASE_URL" ]] && pg_default=true
[[ "$TEST_REDIS_URL" == "$DEFAULT_REDIS_URL" ]] && redis_default=true

postgres_up "$TEST_DATABASE_URL" || { $pg_default && start_local_postgres; } || true
redis_up "$TEST_REDIS_URL" || { $redis_default && start_local_redis; } || true
compose_services=()
$pg_default && ! postgres_up "$TEST_DATABASE_URL" && compose_services+=(postgres)
$redis_default && ! redis_up "$TEST_REDIS_URL" && compose_services+=(redis)
if ((${#compose_services[@]})); then start_compose_services "${compose_services[@]}" || true; fi

missing=()
if ! postgres_up "$TEST_DATABASE_URL"; then
  how='start PostgreSQL (>= 15) or set TEST_DATABASE_URL to a reachable server whose role may CREATE DATABASE'
  $pg_default || how="$how (not auto-started: TEST_DATABASE_URL was set explicitly)"
  missing+=("PostgreSQL is not reachable at $(redact "$TEST_DATABASE_URL"): $how")
fi
if ! redis_up "$TEST_REDIS_URL"; then
  how='start Redis (>= 7) or set TEST_REDIS_URL to a reachable server'
  $redis_default || how="$how (not auto-started: TEST_REDIS_URL was set explicitly)"
  missing+=("Redis is not reachable at $(redact "$TEST_REDIS_URL"): $how")
fi
if ((${#missing[@]})); then
  printf '\ntest.sh: the integration tests need services that are not available:\n' >&2
  printf '  - %s\n' "${missing[@]}" >&2
  if $pg_default || $redis_default; then
    printf '  Tried for the default URLs: pg_ctlcluster / redis-server if installed, then docker compose if a docker engine answers.\n' >&2
  fi
  exit 1
fi
echo "PostgreSQL: $(redact "$TEST_DATABASE_URL")"
echo "Redis:      $(redact "$TEST_REDIS_URL")"

# --- 2b. tools the end-to-end tests drive --------------------------------------------
# The real Alertmanager (Debian's prometheus-alertmanager, run by ../shared/alertmanager/run.sh)
step 'test tools'
missing=()
command -v prometheus-alertmanager >/dev/null || missing+=(prometheus-alertmanager)
command -v curl >/dev/null || missing+=(curl)
# the web UI's browser tests drive Debian's Chromium through playwright-core (test/web/browser.ts)
[[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]] || missing+=(chromium)
if ((${#missing[@]} > 0)); then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    echo "installing ${missing[*]} (apt-get)"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
      || fail "could not install ${missing[*]} with apt-get"
  else
    fail "the end-to-end tests need ${missing[*]}: install them (Debian/Ubuntu: sudo apt-get install ${missing[*]}) and run again"
  fi
fi
echo "Alertmanager: $(prometheus-alertmanager --version 2>&1 | head -1)"
echo "Chromium: $("${CHROMIUM_PATH:-/usr/bin/chromium}" --version 2>/dev/null | head -1)"

# --- 3. static checks ----------------------------------------------------------------
export TURBO_TELEMETRY_DISABLED=1
step 'lint'
npm run lint
step 'typecheck'
npm run typecheck
step 'core under other time zones (TZ=America/New_York, TZ=Asia/Kolkata)'
# the pure core (schedules, DST) must not depend on the machine's zone
npm run test:core-tz

step 'web build (apps/web -> apps/web/dist, served by the api in the browser tests)'
npm run -s build -w @heinrich/web

# --- 4. tests -----------------------------------------------------------------------
step 'vitest (all projects)'
report="$(mktemp)"
trap 'rm -f "$report"' EXIT
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json="$report" || status=$?
# one plain tally line after vitest's own summary
node -e '
  const r = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
' "$report" 2>/dev/null || true
exit "$status"
