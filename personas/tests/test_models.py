"""Persona tables: constraints, ownership and deletion."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from personas.models import (
    AchievementStory,
    Bullet,
    Certification,
    CustomDealbreaker,
    Education,
    Persona,
    PersonaSkill,
    VoiceProfile,
    WorkHistory,
)
from personas.tests.factories import (
    AchievementStoryFactory,
    BulletFactory,
    CertificationFactory,
    CustomDealbreakerFactory,
    EducationFactory,
    PersonaFactory,
    PersonaSkillFactory,
    VoiceProfileFactory,
    WorkHistoryFactory,
)

pytestmark = pytest.mark.django_db

PART_MODELS = [
    PersonaSkill,
    WorkHistory,
    Bullet,
    Education,
    Certification,
    AchievementStory,
    VoiceProfile,
    CustomDealbreaker,
]


def _full_persona(owner):
    persona = PersonaFactory(owner=owner)
    PersonaSkillFactory(persona=persona)
    role = WorkHistoryFactory(persona=persona)
    BulletFactory(work_history=role)
    EducationFactory(persona=persona)
    CertificationFactory(persona=persona)
    AchievementStoryFactory(persona=persona, work_history=role)
    VoiceProfileFactory(persona=persona)
    CustomDealbreakerFactory(persona=persona)
    return persona


def test_persona_defaults_follow_the_reference(user):
    persona = Persona.objects.for_user(user).create(owner=user, full_name="Ada")

    persona.refresh_from_db()

    assert (persona.remote_preference, persona.stretch_appetite, persona.polling_frequency) == (
        "no_preference",
        "medium",
        "daily",
    )
    assert persona.minimum_fit_threshold == 50
    assert persona.onboarding_step == "basic_info"
    assert persona.is_onboarded is False
    assert persona.target_roles == []


@pytest.mark.smoke
def test_persona_email_is_not_unique_across_users(user, other_user):
    PersonaFactory(owner=user, email="same@example.com")

    PersonaFactory(owner=other_user, email="same@example.com")

    assert Persona.unscoped.filter(email="same@example.com").count() == 2


@pytest.mark.smoke
def test_skill_name_is_unique_per_persona_ignoring_case(user):
    persona = PersonaFactory(owner=user)
    PersonaSkillFactory(persona=persona, name="Python")

    with pytest.raises(IntegrityError), transaction.atomic():
        PersonaSkillFactory(persona=persona, name="pYTHON")

    assert [s.name for s in persona.skills.all()] == ["Python"]


def test_same_skill_name_is_fine_on_another_persona(user):
    PersonaSkillFactory(persona=PersonaFactory(owner=user), name="Python")

    PersonaSkillFactory(persona=PersonaFactory(owner=user), name="python")

    assert PersonaSkill.objects.for_user(user).count() == 2


def test_work_history_end_date_must_not_precede_start(user):
    import datetime

    with pytest.raises(IntegrityError), transaction.atomic():
        WorkHistoryFactory(
            persona=PersonaFactory(owner=user), start_date=datetime.date(2020, 1, 1), end_date=datetime.date(2019, 1, 1)
        )


def test_voice_profile_is_one_per_persona(user):
    persona = PersonaFactory(owner=user)
    VoiceProfileFactory(persona=persona)

    with pytest.raises(IntegrityError), transaction.atomic():
        VoiceProfileFactory(persona=persona)


@pytest.mark.smoke
def test_deleting_a_persona_deletes_its_parts_and_nothing_of_another_persona(user, other_user):
    persona = _full_persona(user)
    kept = _full_persona(user)
    theirs = _full_persona(other_user)

    persona.delete()

    for model in PART_MODELS:
        assert model.unscoped.filter(owner=user).count() == 1, model.__name__
        assert model.unscoped.filter(owner=other_user).count() == 1, model.__name__
    assert list(Persona.unscoped.order_by("created_at")) == [kept, theirs]


def test_deleting_a_user_deletes_everything_they_own_only(user, other_user):
    _full_persona(user)
    _full_persona(other_user)

    user.delete()

    assert Persona.unscoped.count() == 1
    for model in PART_MODELS:
        assert list(model.unscoped.values_list("owner_id", flat=True)) == [other_user.pk], model.__name__


def test_deleting_a_role_keeps_its_stories_unlinked(user):
    persona = PersonaFactory(owner=user)
    role = WorkHistoryFactory(persona=persona)
    story = AchievementStoryFactory(persona=persona, work_history=role)

    role.delete()
    story.refresh_from_db()

    assert story.work_history_id is None


def test_parts_are_listed_in_position_order(user):
    persona = PersonaFactory(owner=user)
    late = CustomDealbreakerFactory(persona=persona, position=5)
    early = CustomDealbreakerFactory(persona=persona, position=1)

    assert list(persona.dealbreakers.all()) == [early, late]


def test_every_part_owner_matches_its_persona_in_the_factories(user):
    persona = _full_persona(user)

    owners = {model.__name__: set(model.unscoped.values_list("owner_id", flat=True)) for model in PART_MODELS}

    assert owners == {model.__name__: {persona.owner_id} for model in PART_MODELS}
