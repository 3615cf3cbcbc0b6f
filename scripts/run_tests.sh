#!/usr/bin/env bash
# The whole test suite on PostgreSQL + Redis + Chromium, then the smoke subset
# on the embedded default (SQLite). Starts the services it needs and stops them
# again, whatever happens. Extra arguments go to the PostgreSQL pytest run.
set -uo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
dir=$(mktemp -d /tmp/zentropy-test.XXXXXX)
cleanup() { bash scripts/services.sh stop "$dir"; }
trap cleanup EXIT INT TERM

echo "==> starting PostgreSQL + pgvector and Redis in $dir"
eval "$(bash scripts/services.sh start "$dir")" || { echo "could not start the test services" >&2; exit 1; }

export DATA_DIR="$dir/appdata" DJANGO_SETTINGS_MODULE=zentropy.settings DJANGO_ALLOW_ASYNC_UNSAFE=true
export HF_HUB_OFFLINE=1

echo "==> full suite on PostgreSQL ($DATABASE_URL) and Redis ($REDIS_URL)"
$PY -m pytest -p no:cacheprovider "$@"
full=$?

echo "==> smoke subset on the embedded default (SQLite, database cache, no broker)"
env -u DATABASE_URL -u REDIS_URL -u CELERY_BROKER_URL DATA_DIR="$dir/sqlite-data" \
  $PY -m pytest -p no:cacheprovider -m smoke -q
smoke=$?

echo "==> full suite exit $full, smoke exit $smoke"
[ $full -eq 0 ] && [ $smoke -eq 0 ]
