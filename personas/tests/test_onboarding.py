"""Onboarding: step rules, resuming at the first unfinished step, revisiting, finishing, and the dashboard card."""

from __future__ import annotations

import pytest
from django.urls import reverse

from personas import onboarding
from personas.models import Persona
from personas.tests.factories import (
    BulletFactory,
    PersonaFactory,
    PersonaSkillFactory,
    VoiceProfileFactory,
    WorkHistoryFactory,
)

pytestmark = pytest.mark.django_db


def step_url(persona, slug):
    return reverse("personas:onboarding-step", kwargs={"pk": persona.pk, "step": slug})


def complete_persona(user, **kwargs):
    """A persona whose every step's rule holds, parked at the review step."""
    persona = PersonaFactory(owner=user, onboarding_step="review", **kwargs)
    BulletFactory(work_history=WorkHistoryFactory(persona=persona))
    PersonaSkillFactory(persona=persona)
    VoiceProfileFactory(persona=persona)
    return persona


def fresh(persona):
    from personas.page_selectors import persona_with_parts

    return persona_with_parts(persona.owner, persona.pk)


def test_steps_are_the_nine_in_order():
    assert [s.label for s in onboarding.STEPS] == [
        "Basic info", "Work history", "Skills", "Education", "Stories", "Dealbreakers", "Targets", "Voice", "Review",
    ]  # fmt: skip
    assert [s.number for s in onboarding.STEPS] == list(range(1, 10))


def test_first_unfinished_is_the_step_reached_for_a_new_persona(user):
    persona = PersonaFactory(owner=user, onboarding_step="work_history")

    assert onboarding.first_unfinished(fresh(persona)).slug == "work-history"


def test_first_unfinished_reopens_a_passed_step_whose_rule_broke(user):
    persona = complete_persona(user)
    persona.work_history.all().delete()

    assert onboarding.first_unfinished(fresh(persona)).slug == "work-history"


def test_first_unfinished_is_review_when_everything_holds(user):
    assert onboarding.first_unfinished(fresh(complete_persona(user))).slug == "review"


def test_step_page_shows_progress_with_done_current_and_reachable_steps(user, client_for):
    persona = PersonaFactory(owner=user, onboarding_step="skills")
    BulletFactory(work_history=WorkHistoryFactory(persona=persona))

    body = client_for(user).get(step_url(persona, "skills")).content.decode()

    assert 'aria-current="step">3. Skills' in body
    assert f'href="{step_url(persona, "work-history")}">2. Work history<span class="visually-hidden"> (done)' in body
    assert f'href="{step_url(persona, "targets")}"' not in body  # not reached yet
    assert "Step 3 of 9" in body


def test_step_not_reached_yet_redirects_to_first_unfinished(user, client_for):
    persona = PersonaFactory(owner=user, onboarding_step="work_history")

    response = client_for(user).get(step_url(persona, "voice"))

    assert response.url == step_url(persona, "work-history")


def test_unknown_step_redirects_to_first_unfinished(user, client_for):
    persona = PersonaFactory(owner=user, onboarding_step="work_history")

    assert client_for(user).get(step_url(persona, "nope")).url == step_url(persona, "work-history")


def test_work_history_continue_without_roles_shows_what_is_missing(user, client_for):
    persona = PersonaFactory(owner=user, onboarding_step="work_history")

    response = client_for(user).post(step_url(persona, "work-history"))

    assert "Add at least one role." in response.content.decode()
    persona.refresh_from_db()
    assert persona.onboarding_step == "work_history"


def test_work_history_continue_names_roles_without_accomplishments(user, client_for):
    persona = PersonaFactory(owner=user, onboarding_step="work_history")
    WorkHistoryFactory(persona=persona, title="Lead", company="Acme")

    response = client_for(user).post(step_url(persona, "work-history"))

    assert "missing for Lead at Acme" in response.content.decode()


@pytest.mark.smoke
def test_work_history_continue_advances_to_skills(user, client_for):
    persona = PersonaFactory(owner=user, onboarding_step="work_history")
    BulletFactory(work_history=WorkHistoryFactory(persona=persona))

    response = client_for(user).post(step_url(persona, "work-history"))

    assert response.url == step_url(persona, "skills")
    persona.refresh_from_db()
    assert persona.onboarding_step == "skills"


def test_optional_step_can_be_skipped(user, client_for):
    persona = PersonaFactory(owner=user, onboarding_step="education")

    page = client_for(user).get(step_url(persona, "education")).content.decode()
    response = client_for(user).post(step_url(persona, "education"))

    assert "Optional: continue with nothing added" in page
    assert response.url == step_url(persona, "stories")
    persona.refresh_from_db()
    assert persona.onboarding_step == "stories"


def test_revisiting_an_earlier_step_does_not_move_the_resume_point_back(user, client_for):
    persona = PersonaFactory(owner=user, onboarding_step="targets", commutable_cities=["Berlin"])
    BulletFactory(work_history=WorkHistoryFactory(persona=persona))

    response = client_for(user).post(
        step_url(persona, "basic-info"), {"basic-info-full_name": "Renamed", "basic-info-email": "r@example.com"}
    )

    assert response.url == step_url(persona, "work-history")
    persona.refresh_from_db()
    assert (persona.full_name, persona.onboarding_step) == ("Renamed", "targets")


def test_leaving_and_coming_back_resumes_at_first_unfinished_step(user, client_for):
    persona = PersonaFactory(owner=user, onboarding_step="skills")
    BulletFactory(work_history=WorkHistoryFactory(persona=persona))
    client = client_for(user)

    by_persona = client.get(reverse("personas:onboarding", kwargs={"pk": persona.pk}))
    from_dashboard = client.get(reverse("personas:onboarding-resume"))

    assert by_persona.url == step_url(persona, "skills")
    assert from_dashboard.url == reverse("personas:onboarding", kwargs={"pk": persona.pk})


def test_onboarding_resume_without_personas_starts_a_new_one(user, client_for):
    assert client_for(user).get(reverse("personas:onboarding-resume")).url == reverse("personas:create")


def test_targets_step_saves_and_advances_to_voice(user, client_for):
    persona = PersonaFactory(owner=user, onboarding_step="targets")

    response = client_for(user).post(
        step_url(persona, "targets"),
        {
            "targets-target_roles": "Staff Engineer",
            "targets-remote_preference": "hybrid_ok",
            "targets-commutable_cities": "Berlin\nPotsdam",
            "targets-salary_currency": "EUR",
            "targets-stretch_appetite": "low",
            "targets-minimum_fit_threshold": "55",
            "targets-polling_frequency": "twice_daily",
        },
    )

    assert response.url == step_url(persona, "voice")
    persona.refresh_from_db()
    assert (persona.commutable_cities, persona.stretch_appetite, persona.onboarding_step) == (
        ["Berlin", "Potsdam"],
        "low",
        "voice",
    )


def test_voice_step_requires_a_tone(user, client_for):
    persona = PersonaFactory(owner=user, onboarding_step="voice")

    response = client_for(user).post(step_url(persona, "voice"), {"voice-tone": " "})

    assert "Describe your tone in a few words." in response.content.decode()
    assert 'id="id_voice-tone_error"' in response.content.decode()


def test_review_lists_unfinished_steps_and_refuses_to_finish(user, client_for):
    persona = PersonaFactory(owner=user, onboarding_step="review", target_roles=[])

    response = client_for(user).post(step_url(persona, "review"))

    body = response.content.decode()
    assert "A few steps still need something" in body
    assert f'<a href="{step_url(persona, "skills")}">Skills</a>: Add at least one skill.' in body
    assert f'<a href="{step_url(persona, "targets")}">Targets</a>' in body
    persona.refresh_from_db()
    assert persona.onboarding_completed_at is None


@pytest.mark.smoke
def test_review_finish_marks_the_persona_complete(user, client_for):
    persona = complete_persona(user)

    response = client_for(user).post(step_url(persona, "review"))

    assert response.url == reverse("personas:detail", kwargs={"pk": persona.pk})
    persona.refresh_from_db()
    assert persona.is_onboarded


def test_review_page_is_read_only(user, client_for):
    persona = complete_persona(user)

    body = client_for(user).get(step_url(persona, "review")).content.decode()

    assert "Everything is in place" in body
    assert "hx-post" not in body and ">Delete<" not in body


def test_a_finished_persona_can_revisit_any_step(user, client_for):
    persona = complete_persona(user)
    persona.onboarding_step = "basic_info"
    Persona.objects.for_user(user).filter(pk=persona.pk).update(onboarding_completed_at="2026-01-01T00:00:00Z")

    response = client_for(user).get(step_url(persona, "voice"))

    assert response.status_code == 200 and "Step 8 of 9" in response.content.decode()


@pytest.mark.smoke
def test_dashboard_offers_start_onboarding_without_personas(user, client_for):
    body = client_for(user).get(reverse("core:dashboard")).content.decode()

    assert "Start onboarding" in body
    assert reverse("personas:create") in body


def test_dashboard_offers_continue_with_step_number(user, client_for):
    persona = PersonaFactory(owner=user, onboarding_step="skills")
    BulletFactory(work_history=WorkHistoryFactory(persona=persona))

    body = client_for(user).get(reverse("core:dashboard")).content.decode()

    assert "Continue onboarding (step 3 of 9)" in body
    assert step_url(persona, "skills") in body
    assert 'value="2"' in body  # basic info and work history are done


def test_dashboard_has_no_onboarding_card_once_a_persona_is_finished(user, client_for):
    persona = complete_persona(user)
    Persona.objects.for_user(user).filter(pk=persona.pk).update(onboarding_completed_at="2026-01-01T00:00:00Z")
    PersonaFactory(owner=user)  # a second, unfinished one does not nag

    body = client_for(user).get(reverse("core:dashboard")).content.decode()

    assert "Start onboarding" not in body and "Continue onboarding" not in body
