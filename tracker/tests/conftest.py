"""Tracker test fixtures: a persona for each of the two users; the pool's seeded job sources present."""

from __future__ import annotations

import importlib

import pytest

from personas.tests.factories import PersonaFactory


@pytest.fixture(autouse=True)
def _job_sources(request):
    """Transactional tests elsewhere flush the seeded sources; jobs made here go in through dedup and need them."""
    uses_db = request.node.get_closest_marker("django_db") or {"db", "transactional_db"} & set(request.fixturenames)
    if uses_db:
        request.getfixturevalue("_django_db_helper")
        from jobpool.models import JobSource

        seed = importlib.import_module("jobpool.migrations.0002_seed_sources")
        if JobSource.objects.count() < len(seed.SOURCES):
            for key, name, kind in seed.SOURCES:
                JobSource.objects.update_or_create(key=key, defaults={"name": name, "kind": kind})
    yield


@pytest.fixture
def persona(user):
    return PersonaFactory(owner=user, full_name="Ada Applicant")


@pytest.fixture
def other_persona(other_user):
    return PersonaFactory(owner=other_user, full_name="Otto Outsider")
