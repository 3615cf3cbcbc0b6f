#!/usr/bin/env bash
# The embedded default: SQLite, a database cache, Celery on a broker-free
# filesystem transport. Migrates, creates the demo data, then runs the web
# server, a Celery worker and beat together until Ctrl-C. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=zentropy.settings HF_HUB_OFFLINE=1
export DEBUG=${DEBUG:-false}
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}
export SITE_URL=${SITE_URL:-http://$HOST:$PORT}
DATA=${DATA_DIR:-data}
mkdir -p "$DATA"

echo "==> preparing the database (SQLite under data/)"
$PY manage.py migrate --noinput -v0
$PY manage.py createcachetable
$PY manage.py collectstatic --noinput -v0
$PY manage.py seed_demo
$PY manage.py seed_demo_pool   # a demo persona, scouted from recorded job-board payloads (replay)

pids=()
stop() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop EXIT INT TERM

echo "==> starting the Celery worker and beat (log: $DATA/celery.log)"
# -B runs beat inside the worker: one process to start, schedules from the database (django-celery-beat).
.venv/bin/celery -A zentropy worker -B --loglevel=INFO --concurrency=2 --pool=threads >"$DATA/celery.log" 2>&1 &
pids+=($!)

echo "==> Zentropy Scout is running at $SITE_URL  (Ctrl-C stops it; mail goes to data/mail/ and this console)"
.venv/bin/gunicorn zentropy.wsgi:application --bind "$HOST:$PORT" --workers 2 --threads 4 \
  --access-logfile - --error-logfile - &
pids+=($!)
wait "${pids[@]}"
