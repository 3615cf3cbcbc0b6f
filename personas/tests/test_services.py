"""Persona services: owner copied from the parent, validation, ordering, bulk."""

from __future__ import annotations

import datetime
import uuid

import pytest
from django.core.exceptions import ValidationError

from personas import services
from personas.models import OnboardingStep, Persona, PersonaSkill, VoiceProfile
from personas.tests.factories import (
    PersonaFactory,
    PersonaSkillFactory,
    WorkHistoryFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.smoke
def test_create_persona_needs_only_a_full_name_and_sets_the_owner(user):
    persona = services.create_persona(user, full_name="Ada Lovelace")

    persona.refresh_from_db()
    assert (persona.owner_id, persona.full_name, persona.email) == (user.pk, "Ada Lovelace", "")


def test_create_persona_refuses_an_owner_in_the_fields(user, other_user):
    with pytest.raises(TypeError):
        services.create_persona(user, full_name="Ada", owner=other_user)

    assert Persona.unscoped.count() == 0


def test_create_persona_validates_choices(user):
    with pytest.raises(ValidationError) as excinfo:
        services.create_persona(user, full_name="Ada", remote_preference="mars")

    assert "remote_preference" in excinfo.value.message_dict


def test_update_persona_changes_fields(user):
    persona = PersonaFactory(owner=user)

    services.update_persona(persona, minimum_fit_threshold=70, target_roles=["SRE"])
    persona.refresh_from_db()

    assert (persona.minimum_fit_threshold, persona.target_roles) == (70, ["SRE"])


def test_update_persona_rejects_a_threshold_above_100(user):
    persona = PersonaFactory(owner=user)

    with pytest.raises(ValidationError):
        services.update_persona(persona, minimum_fit_threshold=101)


def test_add_child_copies_the_owner_and_appends(user):
    persona = PersonaFactory(owner=user)

    first = services.add_child(persona, "skills", name="  Django   REST ", proficiency="expert")
    second = services.add_child(persona, "skills", name="Celery")

    assert [(s.name, s.owner_id, s.position) for s in persona.skills.all()] == [
        ("Django REST", user.pk, 0),
        ("Celery", user.pk, 1),
    ]
    assert first.persona_id == second.persona_id == persona.pk


def test_add_child_reports_a_duplicate_skill_ignoring_case(user):
    persona = PersonaFactory(owner=user)
    services.add_child(persona, "skills", name="Python")

    with pytest.raises(ValidationError) as excinfo:
        services.add_child(persona, "skills", name="PYTHON")

    assert "already has that skill" in str(excinfo.value)
    assert persona.skills.count() == 1


def test_add_bullet_requires_a_role_of_the_same_persona(user, other_user):
    persona = PersonaFactory(owner=user)
    foreign_role = WorkHistoryFactory(persona=PersonaFactory(owner=other_user))

    with pytest.raises(ValidationError):
        services.add_child(persona, "bullets", work_history=foreign_role, text="Did things")

    role = WorkHistoryFactory(persona=persona)
    bullet = services.add_child(persona, "bullets", work_history=role, text="Shipped X", metrics="2x")
    assert (bullet.owner_id, bullet.work_history_id, bullet.position) == (user.pk, role.pk, 0)


def test_add_story_refuses_a_role_of_another_persona(user):
    persona = PersonaFactory(owner=user)
    other_role = WorkHistoryFactory(persona=PersonaFactory(owner=user))

    with pytest.raises(ValidationError):
        services.add_child(persona, "stories", title="T", work_history=other_role)


def test_current_role_drops_its_end_date(user):
    persona = PersonaFactory(owner=user)

    role = services.add_child(
        persona,
        "work_history",
        company="Acme",
        title="Engineer",
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2021, 1, 1),
        is_current=True,
    )

    role.refresh_from_db()
    assert (role.is_current, role.end_date) == (True, None)


def test_reorder_children_puts_listed_ids_first(user):
    persona = PersonaFactory(owner=user)
    a, b, c = (services.add_child(persona, "skills", name=n) for n in ("A", "B", "C"))

    order = services.reorder_children(persona, "skills", [str(c.pk), str(a.pk)])

    assert order == [str(c.pk), str(a.pk), str(b.pk)]
    assert [s.name for s in persona.skills.all()] == ["C", "A", "B"]


def test_reorder_children_with_a_foreign_id_changes_nothing(user, other_user):
    persona = PersonaFactory(owner=user)
    a, b = (services.add_child(persona, "skills", name=n) for n in ("A", "B"))
    foreign = PersonaSkillFactory(persona=PersonaFactory(owner=other_user))

    with pytest.raises(services.UnknownIdsError) as excinfo:
        services.reorder_children(persona, "skills", [str(b.pk), str(foreign.pk)])

    assert excinfo.value.ids == [str(foreign.pk)]
    assert [s.name for s in persona.skills.all()] == ["A", "B"]


def test_delete_children_reports_foreign_ids_and_keeps_their_rows(user, other_user):
    persona = PersonaFactory(owner=user)
    mine = services.add_child(persona, "skills", name="A")
    foreign = PersonaSkillFactory(persona=PersonaFactory(owner=other_user))
    unknown = uuid.uuid4()

    deleted, missing = services.delete_children(persona, "skills", [mine.pk, foreign.pk, unknown, "junk"])

    assert deleted == [str(mine.pk)]
    assert missing == [str(foreign.pk), str(unknown), "junk"]
    assert list(PersonaSkill.unscoped.all()) == [foreign]


def test_set_voice_creates_then_updates_one_profile(user):
    persona = PersonaFactory(owner=user)

    services.set_voice(persona, tone="Warm")
    services.set_voice(persona, things_to_avoid=["jargon"])

    voice = VoiceProfile.objects.for_user(user).get()
    assert (voice.tone, voice.things_to_avoid, voice.owner_id) == ("Warm", ["jargon"], user.pk)


def test_complete_onboarding_keeps_the_first_completion_time(user):
    persona = PersonaFactory(owner=user)

    services.complete_onboarding(persona)
    first = persona.onboarding_completed_at
    services.complete_onboarding(persona)
    persona.refresh_from_db()

    assert persona.onboarding_completed_at == first
    assert persona.onboarding_step == OnboardingStep.REVIEW


def test_set_onboarding_step_rejects_unknown_steps(user):
    persona = PersonaFactory(owner=user)

    with pytest.raises(ValidationError):
        services.set_onboarding_step(persona, "nowhere")
    services.set_onboarding_step(persona, "skills")
    persona.refresh_from_db()

    assert persona.onboarding_step == "skills"


def test_add_skill_records_the_taxonomy_name(user):
    persona = PersonaFactory(owner=user)

    known = services.add_child(persona, "skills", name="k8s")
    unknown = services.add_child(persona, "skills", name="Basket weaving")

    assert (known.name, known.normalized_name) == ("k8s", "Kubernetes")
    assert (unknown.name, unknown.normalized_name) == ("Basket weaving", "")


@pytest.mark.parametrize(
    "fields",
    [
        {"target_roles": "Staff Engineer"},
        {"commutable_cities": ["Portland", ""]},
        {"industry_exclusions": [3]},
        {"salary_currency": "usd"},
    ],
)
def test_update_persona_rejects_malformed_lists_and_currency(user, fields):
    persona = PersonaFactory(owner=user)

    with pytest.raises(ValidationError) as excinfo:
        services.update_persona(persona, **fields)

    assert list(excinfo.value.message_dict) == list(fields)
