"""Operators see source health, runs and search profiles in the admin (read-mostly)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from scouter.models import SourceHealth
from scouter.tests.factories import ScoutRunFactory, onboarded_persona

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator(client_for):
    return client_for(UserFactory(is_staff=True, is_superuser=True))


def test_source_health_changelist_shows_counters_per_error_kind(operator):
    SourceHealth.objects.create(source_key="remotive", success_count=7, rate_limited_count=2, bad_payload_count=1)

    response = operator.get(reverse("admin:scouter_sourcehealth_changelist"))

    body = response.content.decode()
    assert response.status_code == 200
    assert "remotive" in body
    assert '<td class="field-success_count">7</td>' in body
    assert '<td class="field-rate_limited_count">2</td>' in body
    assert '<td class="field-bad_payload_count">1</td>' in body


def test_source_health_cannot_be_added_by_hand(operator):
    assert operator.get(reverse("admin:scouter_sourcehealth_add")).status_code == 403


def test_runs_of_every_user_are_listed_for_operators(operator, user, other_user):
    mine = ScoutRunFactory(persona=onboarded_persona(user, full_name="Mine"), status="done", found=5)
    theirs = ScoutRunFactory(persona=onboarded_persona(other_user, full_name="Theirs"), status="failed")

    body = operator.get(reverse("admin:scouter_scoutrun_changelist")).content.decode()

    assert str(mine.pk) in body and str(theirs.pk) in body
    assert operator.get(reverse("admin:scouter_scoutrun_change", args=[mine.pk])).status_code == 200


def test_search_profiles_are_listed_for_operators(operator, user):
    from scouter import services

    services.ensure_persona_scouting(onboarded_persona(user, full_name="Profiled"))

    body = operator.get(reverse("admin:scouter_searchprofile_changelist")).content.decode()

    assert "Profiled" in body
