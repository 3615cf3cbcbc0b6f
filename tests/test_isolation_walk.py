"""ARCHITECTURE §4: every route is classified, and every owner-scoped route holds.

The walk itself lives in tenancy.isolation; classifications live in each
app's isolation.py. A new route that nobody classified fails here.
"""

from __future__ import annotations

import pytest

from tenancy.isolation import autodiscover, walk

pytestmark = pytest.mark.django_db


def test_every_route_is_classified_and_owner_scoped_routes_are_isolated():
    report = walk()

    print("\n" + report.summary())
    assert report.ok, report.summary() + "\n" + report.problems()
    assert report.routes == report.classified
    assert report.exercised_routes > 0


@pytest.mark.smoke
@pytest.mark.urls("tests.isolation.leaky_urls")
def test_walk_reports_a_planted_unscoped_view():
    from tests.isolation.leaky_urls import leaky_registry

    report = walk(urlconf="tests.isolation.leaky_urls", reg=leaky_registry())

    problems = report.problems()
    assert "LEAK" in problems and "leaky:persona-detail" in problems
    assert "leaky:persona-list" in problems and "contains the owner's data" in problems
    assert "UNCLASSIFIED route /leaky/forgotten/" in problems
    assert "leaky:persona-write) PATCH" in problems and "changed the owner's data" in problems
    assert "/leaky/ops/ (leaky:ops): a signed-in non-staff user got 200" in problems
    assert not any("scoped:persona-detail" in line for line in report.failures)
    assert report.exercised_routes == 4


def test_registry_is_discovered_once():
    assert autodiscover() is autodiscover()
