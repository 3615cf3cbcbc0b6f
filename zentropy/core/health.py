"""Probes behind GET /healthz: database, cache and broker."""

from __future__ import annotations

import time
import uuid

from django.core.cache import cache
from django.db import connection


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise RuntimeError("cache did not return what was stored")
    cache.delete(key)


def check_broker() -> None:
    from zentropy.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
        conn.default_channel  # noqa: B018  (opens a channel: proves the transport answers)


CHECKS = {"database": check_database, "cache": check_cache, "broker": check_broker}


def run_checks() -> tuple[bool, dict[str, dict]]:
    results: dict[str, dict] = {}
    healthy = True
    for name, check in CHECKS.items():
        started = time.monotonic()
        try:
            check()
        except Exception as exc:  # noqa: BLE001 (any failure means "down")
            healthy = False
            results[name] = {"status": "down", "error": exc.__class__.__name__}
        else:
            results[name] = {"status": "up", "ms": round((time.monotonic() - started) * 1000, 1)}
    return healthy, results
