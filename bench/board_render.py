"""Board render benchmark: the median server-side time of GET /applications/ with 500 applications.

    DATABASE_URL=postgres://app:app@127.0.0.1:55500/app_trk_bench .venv/bin/python bench/board_render.py [--apps 500] [--runs 30]

DATABASE_URL must name a PostgreSQL database whose name contains "bench"; it is
created, migrated and dropped afterwards when it does not exist (otherwise only
the bench user's rows are removed). One user gets one persona and N
applications spread over the four columns (125 each for 500), two or three
tags each, a third with a next action, some needing a follow-up. The board is
requested through Django's test client (every middleware, the session, the
queries and the template), after two warm-up requests, twice: the board as
served (the first 25 cards of each column, "Show N more" for the rest) and with
every card (?expand=all). For each it prints the median and the 90th percentile
of the wall time and the number of queries. Target (issue 6): median under 150 ms.
"""

from __future__ import annotations

import argparse
import atexit
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STATUSES = ("applied", "recruiter_screen", "interviewing", "onsite", "offer", "rejected", "withdrawn", "accepted")
TAGS = ("remote", "python", "dream job", "referral", "startup", "fintech", "urgent", "berlin", "contract")
BENCH_EMAIL = "bench-board@example.com"


def _admin(url: str):
    import psycopg
    from dj_database_url import parse

    cfg = parse(url)
    conn = psycopg.connect(
        host=cfg["HOST"], port=cfg["PORT"] or 5432, user=cfg["USER"], password=cfg["PASSWORD"], dbname="postgres", autocommit=True
    )
    return conn, cfg["NAME"]


def setup_database() -> None:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres") or "bench" not in url.rsplit("/", 1)[-1]:
        raise SystemExit("set DATABASE_URL to a PostgreSQL database whose name contains 'bench', e.g. .../app_trk_bench")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zentropy.settings")
    os.environ.setdefault("DATA_DIR", "/tmp/zentropy_bench")
    admin, name = _admin(url)
    with admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{name}"')

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    remove_bench_user()

    def cleanup() -> None:
        from django.db import connections

        if exists:
            remove_bench_user()
            connections.close_all()
        else:
            connections.close_all()
            again, _ = _admin(url)
            with again:
                again.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    atexit.register(cleanup)


def remove_bench_user() -> None:
    from django.contrib.auth import get_user_model

    get_user_model()._default_manager.filter(email=BENCH_EMAIL).delete()


def make_data(count: int, seed: int = 7):
    """One user, one persona, `count` applications (bulk inserts, as a user's history would look)."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from personas.models import Persona
    from tracker.models import Application, ApplicationTag

    rng = random.Random(seed)
    user = get_user_model()._default_manager.create_user(email=BENCH_EMAIL, password=None)
    persona = Persona.objects.create(owner=user, full_name="Bench Persona")
    now = timezone.now()
    applications = []
    for n in range(count):
        status = STATUSES[n % len(STATUSES)]
        has_next = n % 3 == 0
        applications.append(
            Application(
                owner=user,
                persona=persona,
                status=status,
                company_name=f"Company {n} {rng.choice(['Labs', 'Systems', 'Health', 'Robotics'])}",
                title=rng.choice(["Backend Engineer", "Staff Engineer", "Data Scientist", "Product Designer", "SRE"]) + f" {n}",
                location=rng.choice(["Berlin", "Remote", "Lisbon", "New York, NY", ""]),
                priority=rng.choice(["high", "normal", "normal", "low"]),
                next_action_title="Follow up" if has_next else "",
                next_action_at=now + datetime.timedelta(days=rng.randint(-3, 6)) if has_next else None,
                last_activity_at=now - datetime.timedelta(days=rng.randint(0, 20)),
                is_pinned=n % 50 == 0,
            )
        )
    Application.objects.bulk_create(applications, batch_size=500)
    tags = [
        ApplicationTag(owner=user, application=application, name=name)
        for application in applications
        for name in rng.sample(TAGS, rng.choice([2, 3]))
    ]
    ApplicationTag.objects.bulk_create(tags, batch_size=1000)
    return user


def measure(user, runs: int, query: str = "") -> tuple[list[float], list[float], int, int]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    client = Client()
    client.force_login(user)
    url = reverse("tracker:board") + query
    for _ in range(2):  # warm-up: settings row, template loading, session bookkeeping
        client.get(url)
    timings, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        assert response.status_code == 200, response.status_code
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    cards = response.content.decode().count('data-card data-id="')
    return timings, cpu, len(queries), cards


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--apps", type=int, default=500)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    setup_database()
    import logging

    logging.getLogger("zentropy.request").setLevel(logging.WARNING)  # one log line per request would flood the output

    from django.conf import settings

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    settings.DEBUG = False

    user = make_data(args.apps)
    for label, query in (("the board as served (first 25 cards per column)", ""), ("every card (?expand=all)", "?expand=all")):
        timings, cpu, queries, cards = measure(user, args.runs, query)
        ordered = sorted(timings)
        p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
        print(f"board render, {label}: {args.apps} applications, {cards} cards, {queries} queries per request, {args.runs} runs")
        print(f"  median {statistics.median(timings):.1f} ms, p90 {p90:.1f} ms, min {ordered[0]:.1f} ms (target: median < 150 ms)")
        print(f"  web process CPU time: median {statistics.median(cpu):.1f} ms (wall time also waits for PostgreSQL and other load)")


if __name__ == "__main__":
    main()
