"""Search: PostgreSQL full-text search and the portable fallback, behind tracker.selectors.text_search."""

from __future__ import annotations

import pytest
from django.db import connection

from tracker import selectors, services
from tracker.filters import ApplicationFilters

pytestmark = pytest.mark.django_db

CASES = [
    ("rocket", ["Propulsion Engineer", "Bookkeeper"]),  # company of one, a note of the other
    ("propuls", ["Propulsion Engineer"]),  # a prefix
    ("berlin remote", ["Bookkeeper"]),  # every word must match (location + tag)
    ("PROPULSION ENGINEER", ["Propulsion Engineer"]),
    ("nothing-like-this", []),
    ("  ", ["Propulsion Engineer", "Bookkeeper", "Spy"]),  # no words: no search
]


@pytest.fixture
def applications(user, persona, other_persona):
    first = services.create_from_scratch(user, persona=persona, company_name="Acme Rockets", title="Propulsion Engineer", location="Houston")
    second = services.create_from_scratch(user, persona=persona, company_name="Ledger Ltd", title="Bookkeeper", location="Berlin")
    services.add_note(second, body="They also build rockets on weekends")
    services.set_tags(second, ["Remote"])
    third = services.create_from_scratch(user, persona=persona, company_name="Shadow", title="Spy", location="Nowhere")
    services.create_from_scratch(other_persona.owner, persona=other_persona, company_name="Acme Rockets", title="Outsider rocket")
    return first, second, third


def found(user, text):
    prefs = services.settings_for(user)
    queryset = selectors.filter_applications(user, ApplicationFilters(q=text, sort="company"), prefs=prefs)
    return sorted(a.title for a in queryset)


@pytest.mark.smoke
@pytest.mark.parametrize(("text", "expected"), CASES)
def test_search_on_this_database(user, applications, text, expected):
    assert found(user, text) == sorted(expected)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the full-text path needs PostgreSQL")
def test_postgres_path_uses_full_text_search(user, applications):
    prefs = services.settings_for(user)
    queryset = selectors.filter_applications(user, ApplicationFilters(q="rocket"), prefs=prefs)

    sql = str(queryset.query)

    assert "to_tsvector" in sql and "to_tsquery" in sql


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_portable_fallback_path(user, applications, text, expected, monkeypatch):
    monkeypatch.setattr(connection, "vendor", "sqlite")

    assert found(user, text) == sorted(expected)


def test_search_input_cannot_break_the_query(user, applications):
    assert found(user, "!!! :* & | ( ') rocket") == ["Bookkeeper", "Propulsion Engineer"]
