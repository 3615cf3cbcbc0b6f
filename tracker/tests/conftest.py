"""Tracker test fixtures: a persona for each of the two users, and dedup's source cache emptied."""

from __future__ import annotations

import pytest

from personas.tests.factories import PersonaFactory


@pytest.fixture(autouse=True)
def _fresh_source_cache():
    from jobpool import dedup

    dedup._sources.clear()
    yield
    dedup._sources.clear()


@pytest.fixture
def persona(user):
    return PersonaFactory(owner=user, full_name="Ada Applicant")


@pytest.fixture
def other_persona(other_user):
    return PersonaFactory(owner=other_user, full_name="Otto Outsider")
