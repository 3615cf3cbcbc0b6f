#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL 15 (+ pgvector, pg_trgm) cluster and a
# Redis server for the test suite, in a folder of their own.
#
#   scripts/services.sh start DIR   # prints the environment to use (eval it)
#   scripts/services.sh stop DIR
#
# Ports: PG_PORT (default 55440) and REDIS_PORT (default 6391); when taken, the
# next free port is used. Run as root (postgres refuses root: runuser is used).
set -euo pipefail

PGB=/usr/lib/postgresql/15/bin
cmd=${1:?start|stop}
dir=${2:?folder}

free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    chmod 755 "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    pg_port=$(free_port "${PG_PORT:-55440}")
    redis_port=$(free_port "${REDIS_PORT:-6391}")
    (cd "$dir" && as_postgres "$PGB/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1)
    (cd "$dir" && as_postgres "$PGB/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w \
      -o "-p $pg_port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null)
    psql -q -h "$dir" -p "$pg_port" -U postgres -c "CREATE ROLE app LOGIN PASSWORD 'app' CREATEDB" -c "CREATE DATABASE app OWNER app" >/dev/null
    for db in template1 app; do
      psql -q -h "$dir" -p "$pg_port" -U postgres -d "$db" \
        -c "CREATE EXTENSION IF NOT EXISTS vector" -c "CREATE EXTENSION IF NOT EXISTS pg_trgm" >/dev/null
    done
    redis-server --bind 127.0.0.1 --port "$redis_port" --daemonize yes --pidfile "$dir/redis.pid" \
      --logfile "$dir/redis.log" --dir "$dir" --save "" --appendonly no
    for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
    echo "$pg_port" >"$dir/pg_port"
    echo "$redis_port" >"$dir/redis_port"
    echo "export DATABASE_URL=postgres://app:app@127.0.0.1:$pg_port/app"
    echo "export REDIS_URL=redis://127.0.0.1:$redis_port/0"
    echo "export CELERY_BROKER_URL=redis://127.0.0.1:$redis_port/1"
    ;;
  stop)
    if [ -f "$dir/redis_port" ]; then redis-cli -p "$(cat "$dir/redis_port")" shutdown nosave >/dev/null 2>&1 || true; fi
    if [ -d "$dir/data" ]; then (cd "$dir" && as_postgres "$PGB/pg_ctl" -D "$dir/data" -w -m fast stop >/dev/null 2>&1) || true; fi
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
