"""Fixtures for reminders tests: personas for the two users and a helper to start applications."""

from __future__ import annotations

import pytest

from personas.tests.factories import PersonaFactory
from tracker import services as tracker


@pytest.fixture
def persona(user):
    return PersonaFactory(owner=user, full_name="Ada Applicant")


@pytest.fixture
def other_persona(other_user):
    return PersonaFactory(owner=other_user, full_name="Otto Outsider")


@pytest.fixture
def start():
    """start(persona, company, title) -> an Application made through the tracker's service."""

    def make(persona, company: str = "Acme", title: str = "Backend Engineer", **fields):
        return tracker.create_from_scratch(persona.owner, persona=persona, company_name=company, title=title, **fields)

    return make
