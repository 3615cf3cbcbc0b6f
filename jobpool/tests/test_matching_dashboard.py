"""The dashboard's "Rescore my matches" action: rescoring and surfacing for the caller's own personas."""

from __future__ import annotations

import pytest
from django.urls import reverse

from jobpool.matching import score_links
from jobpool.models import DiscoveryMethod, PersonaJob
from jobpool.tests.matching_factories import onboarded_persona, pooled_postings
from personas.tests.factories import PersonaSkillFactory

pytestmark = pytest.mark.django_db


def _scored_persona(user):
    persona = onboarded_persona(owner=user, skills=("Python",))
    pooled_postings(1, persona=persona)
    score_links(persona, PersonaJob.objects.for_user(user).values_list("pk", flat=True))
    PersonaSkillFactory(persona=persona, name="Django", years_used=6)
    return persona


def test_rescore_action_over_htmx_rescores_the_callers_links_and_returns_the_card(user, client_for, django_capture_on_commit_callbacks):
    persona = _scored_persona(user)
    before = PersonaJob.objects.for_user(user).get(persona=persona).fit_score

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(user).post(reverse("core:rescore-matches"), HTTP_HX_REQUEST="true")

    body = response.content.decode()
    after = PersonaJob.objects.for_user(user).get(persona=persona).fit_score
    assert body.lstrip().startswith('<section class="card" id="rescore-card"')
    assert "Rescoring 1 persona in the background" in body
    assert after > before


def test_rescore_action_without_htmx_redirects_to_the_dashboard_with_the_message(user, client_for, django_capture_on_commit_callbacks):
    _scored_persona(user)
    client = client_for(user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("core:rescore-matches"))
    page = client.get(response.url).content.decode()

    assert response.url == reverse("core:dashboard") + "?rescored=1"
    assert "Rescoring 1 persona in the background" in page


def test_rescore_action_leaves_other_users_links_alone(user, other_user, client_for, django_capture_on_commit_callbacks):
    theirs = _scored_persona(other_user)
    onboarded_persona(owner=user)
    before = PersonaJob.objects.for_user(other_user).get(persona=theirs).fit_score

    with django_capture_on_commit_callbacks(execute=True):
        client_for(user).post(reverse("core:rescore-matches"), HTTP_HX_REQUEST="true")

    link = PersonaJob.objects.for_user(other_user).get(persona=theirs)
    assert link.fit_score == before
    assert link.discovery_method == DiscoveryMethod.SCOUTER


def test_dashboard_shows_the_rescore_action(user, client_for):
    body = client_for(user).get(reverse("core:dashboard")).content.decode()

    assert 'hx-post="/dashboard/rescore/"' in body and "Rescore my matches" in body
