"""Editing an onboarded persona rescores its matches and offers it the pool, after commit, in the background."""

import pytest

from jobpool.models import PersonaJob
from jobpool.tests.matching_factories import onboarded_persona, pooled_postings
from personas import services

pytestmark = pytest.mark.django_db


def test_finishing_onboarding_offers_the_pools_fitting_jobs(django_capture_on_commit_callbacks):
    persona = onboarded_persona(onboarded=False)
    pooled_postings(2)

    with django_capture_on_commit_callbacks(execute=True):
        services.complete_onboarding(persona)

    links = PersonaJob.objects.for_user(persona.owner).filter(persona=persona)
    assert links.count() == 2
    assert {(link.discovery_method, link.fit_score is not None) for link in links} == {("pool", True)}


def test_a_persona_change_rescores_its_links(django_capture_on_commit_callbacks):
    persona = onboarded_persona(skills=("Python",))
    pooled_postings(1, persona=persona, skills=("Python", "Kubernetes"))
    from jobpool.matching.scoring_service import score_links

    link = PersonaJob.objects.for_user(persona.owner).get(persona=persona)
    score_links(persona, [link.pk])
    link.refresh_from_db()
    before = link.fit_score

    with django_capture_on_commit_callbacks(execute=True):
        services.add_child(persona, "skills", name="Kubernetes", skill_type="hard", proficiency="expert", years_used=5)

    link.refresh_from_db()
    assert link.fit_score > before


def test_an_unfinished_persona_enqueues_nothing(django_capture_on_commit_callbacks):
    persona = onboarded_persona(onboarded=False)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.update_persona(persona, current_role="Data Engineer")

    assert callbacks == []
