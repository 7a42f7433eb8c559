#!/usr/bin/env bash
# Makes sure PostgreSQL (127.0.0.1:5432, user postgres, trust auth) and Redis (127.0.0.1:6379)
# answer, starting them from the installed packages if they do not (installing them with apt
# when missing). For CI and fresh development machines; in Docker, compose runs both.
# Usage: scripts/ensure-services.sh [timeout-seconds]   (default 60; PG_PORT, REDIS_PORT and
# REDIS_DIR, where Redis keeps its data files, override; SERVICES="redis" checks Redis only,
# as the sandbox does on its embedded database)
set -euo pipefail

TIMEOUT="${1:-60}"
PG_HOST=127.0.0.1
PG_PORT="${PG_PORT:-5432}"
REDIS_PORT="${REDIS_PORT:-6379}"
REDIS_DIR="${REDIS_DIR:-/var/lib/redis}"
SERVICES=" ${SERVICES:-postgresql redis} "

log() { echo "ensure-services: $*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

pg_up() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT" 2>/dev/null; }
redis_up() { [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = "PONG" ]; }

install_packages() {
  log "installing $*"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

wait_for() {
  local name="$1" check="$2" waited=0
  until "$check"; do
    if [ "$waited" -ge "$TIMEOUT" ]; then
      log "ERROR: $name did not become ready within ${TIMEOUT}s"
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  log "$name is ready"
}

start_postgres() {
  if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
    install_packages postgresql
  fi
  local version
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  log "starting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  wait_for PostgreSQL pg_up
  # Tests and the default DATABASE_URL connect as postgres without a password (local only).
  local hba
  hba="$(as_postgres psql -tAc 'SHOW hba_file' 2>/dev/null || true)"
  if [ -n "$hba" ] && ! psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -tAc 'SELECT 1' >/dev/null 2>&1; then
    log "allowing trust authentication for local TCP connections ($hba)"
    as_root sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' "$hba"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main reload
  fi
}

# Redis holds the sessions (drafts in progress) and the BullMQ jobs: persistence stays on, as
# in docker-compose.yml. The append-only file (fsync every second) loses at most a second of
# writes in a crash; the RDB snapshots (after 1 change in 15 min, 10 in 5, 10000 in 1) are the
# file a backup copies (README: Backup and restore). noeviction: BullMQ must never lose keys.
start_redis() {
  command -v redis-server >/dev/null || install_packages redis-server
  log "starting Redis (appendonly yes, RDB snapshots, in $REDIS_DIR)"
  as_root mkdir -p "$REDIS_DIR" /var/log/redis
  as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" \
    --appendonly yes --appendfsync everysec --save "900 1 300 10 60 10000" --maxmemory-policy noeviction \
    --dir "$REDIS_DIR" --logfile "/var/log/redis/ci-$REDIS_PORT.log"
  wait_for Redis redis_up
}

# A Redis that was already running keeps its settings; say so when it would lose data on a restart.
check_redis_persistence() {
  local aof
  aof="$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" config get appendonly 2>/dev/null | tail -n 1 || true)"
  if [ "$aof" != "yes" ]; then
    log "warning: Redis runs with appendonly ${aof:-unknown}: sessions and jobs since the last snapshot are lost on a restart (redis-cli config set appendonly yes)"
  fi
}

# A fresh machine may lack even the clients used to check.
if [[ "$SERVICES" == *" postgresql "* ]]; then
  if ! command -v pg_isready >/dev/null; then install_packages postgresql; fi
  if pg_up; then log "PostgreSQL is already running"; else start_postgres; fi
fi
[[ "$SERVICES" == *" redis "* ]] || exit 0
if ! command -v redis-cli >/dev/null; then install_packages redis-server; fi
if redis_up; then log "Redis is already running"; check_redis_persistence; else start_redis; fi
