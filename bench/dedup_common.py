"""Shared set-up for the dedup benchmarks: a throwaway bench database, cleaned up afterwards.

DATABASE_URL must name a PostgreSQL database whose name contains "bench"
(e.g. postgres://app:app@127.0.0.1:55500/app_pool_bench). If it does not exist
it is created and dropped at the end; if it exists, the pool tables are
emptied before and after the run. Nothing else is touched.
"""

from __future__ import annotations

import atexit
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

POOL_TABLES = (
    "jobpool_lsh_band", "jobpool_jobsighting", "jobpool_jobskill", "jobpool_moderationaction",
    "jobpool_jobreport", "jobpool_personajob", "jobpool_jobposting",
)


def _admin_connection(url: str):
    import psycopg
    from dj_database_url import parse

    cfg = parse(url)
    return psycopg.connect(
        host=cfg["HOST"], port=cfg["PORT"] or 5432, user=cfg["USER"], password=cfg["PASSWORD"], dbname="postgres",
        autocommit=True,
    ), cfg["NAME"]


def setup_bench_database() -> None:
    """Configure Django on the bench database, creating and migrating it when needed."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres") or "bench" not in url.rsplit("/", 1)[-1]:
        raise SystemExit("set DATABASE_URL to a PostgreSQL database whose name contains 'bench', e.g. .../app_pool_bench")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zentropy.settings")
    os.environ.setdefault("DATA_DIR", "/tmp/zentropy_bench")
    admin, name = _admin_connection(url)
    with admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{name}"')
    created = not exists

    import django
    import django.db
    import psycopg
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    empty_pool()

    def _cleanup() -> None:
        from django.db import connections

        if created:
            connections.close_all()
            admin_again, _ = _admin_connection(url)
            with admin_again:
                for _attempt in range(20):  # autovacuum may still be analysing the freshly loaded tables
                    try:
                        admin_again.execute(f'DROP DATABASE IF EXISTS "{name}"')
                        return
                    except psycopg.errors.ObjectInUse:
                        time.sleep(1)
            print(f"note: {name} is still in use; its pool tables were emptied instead", file=sys.stderr)
            django.db.connections.close_all()
            empty_pool()
        else:
            empty_pool()
            connections.close_all()

    atexit.register(_cleanup)


def empty_pool() -> None:
    """Remove every pool row and the bench's users (the bench database holds nothing else)."""
    from django.db import connection

    bench_users = "SELECT id FROM accounts_user WHERE email LIKE 'bench-%%@example.com'"
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE " + ", ".join(POOL_TABLES) + " CASCADE")
        cursor.execute(f"DELETE FROM personas_persona WHERE owner_id IN ({bench_users})")  # noqa: S608 (constant)
        cursor.execute(f"DELETE FROM accounts_user WHERE id IN ({bench_users})")  # noqa: S608 (constant)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def backend_cpu_seconds() -> float | None:
    """CPU seconds (user + system) used so far by this connection's PostgreSQL backend, when the server runs on
    this machine and its /proc entry is readable; None otherwise."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
