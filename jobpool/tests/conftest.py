"""Pool test fixtures: the seeded job sources are present in every test.

Transactional tests (the concurrency ones) flush the database afterwards,
seeded rows included; this puts the seed back so test order never matters
(dedup would also re-create an allow-listed source on demand).
"""

from __future__ import annotations

import importlib

import pytest


@pytest.fixture(autouse=True)
def job_sources(request):
    uses_db = request.node.get_closest_marker("django_db") or {"db", "transactional_db"} & set(request.fixturenames)
    if not uses_db:
        yield
        return
    request.getfixturevalue("_django_db_helper")
    from jobpool.models import JobSource

    seed = importlib.import_module("jobpool.migrations.0002_seed_sources")
    if JobSource.objects.count() < len(seed.SOURCES):
        for key, name, kind in seed.SOURCES:
            JobSource.objects.update_or_create(key=key, defaults={"name": name, "kind": kind})
    yield
