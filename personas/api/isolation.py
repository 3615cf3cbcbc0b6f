"""Isolation-walk classifications for the persona API (pages live in personas/isolation.py)."""

from __future__ import annotations

from typing import Any

from tenancy.isolation import Fixture, registry

# basename -> (factory name, payload for POST/PUT)
_PARTS = {
    "persona-skill": ("PersonaSkillFactory", {"name": "Walk skill"}),
    "persona-work-history": (
        "WorkHistoryFactory",
        {"company": "Walk Co", "title": "Walker", "start_date": "2020-01-01"},
    ),
    "persona-education": ("EducationFactory", {"institution": "Walk University"}),
    "persona-certification": ("CertificationFactory", {"name": "Walk certificate"}),
    "persona-story": ("AchievementStoryFactory", {"title": "Walk story"}),
    "persona-dealbreaker": ("CustomDealbreakerFactory", {"job_field": "industry", "value": "Walking"}),
}


def _persona(user: Any):
    from personas.tests.factories import PersonaFactory

    return PersonaFactory(owner=user, full_name=f"Walk persona {user.pk.hex[:10]}")


def _part(basename: str, user: Any):
    from personas.tests import factories

    persona = _persona(user)
    factory_name, _ = _PARTS[basename]
    part = getattr(factories, factory_name)(persona=persona)
    return persona, part


def _part_fixture(basename: str, detail: bool):
    _, payload = _PARTS[basename]

    def build(user: Any) -> Fixture:
        persona, part = _part(basename, user)
        kwargs = {"persona_pk": persona.pk, **({"pk": part.pk} if detail else {})}
        return Fixture(kwargs, marker=str(part.pk), payloads={"POST": payload, "PUT": payload})

    return build


def _bulk_fixture(basename: str):
    def build(user: Any) -> Fixture:
        persona, part = _part(basename, user)
        return Fixture({"persona_pk": persona.pk}, marker=str(part.pk), payloads={"POST": {"ids": [str(part.pk)]}})

    return build


def _persona_detail(user: Any) -> Fixture:
    persona = _persona(user)
    from personas.tests.factories import PersonaSkillFactory

    PersonaSkillFactory(persona=persona)
    return Fixture({"pk": persona.pk}, marker=persona.full_name, payloads={"PUT": {"full_name": "Walk renamed"}})


def _voice(user: Any) -> Fixture:
    from personas.tests.factories import VoiceProfileFactory

    voice = VoiceProfileFactory(persona=_persona(user), tone=f"Walk tone {user.pk.hex[:10]}")
    return Fixture({"pk": voice.persona_id}, marker=voice.tone, payloads={"PUT": {"tone": "Calm"}})


def _bullet_fixture(detail: bool):
    def build(user: Any) -> Fixture:
        from personas.tests.factories import BulletFactory, WorkHistoryFactory

        role = WorkHistoryFactory(persona=_persona(user))
        bullet = BulletFactory(work_history=role)
        kwargs = {"persona_pk": role.persona_id, "work_history_pk": role.pk, **({"pk": bullet.pk} if detail else {})}
        payload = {"text": "Walked far"}
        return Fixture(kwargs, marker=str(bullet.pk), payloads={"POST": payload, "PUT": payload})

    return build


def _bullet_bulk(user: Any) -> Fixture:
    fixture = _bullet_fixture(detail=False)(user)
    return Fixture(fixture.kwargs, marker=fixture.marker, payloads={"POST": {"ids": [fixture.marker]}})


registry.owner(
    "persona-list",
    build=lambda user: Fixture({}, marker=_persona(user).full_name, payloads={"POST": {"full_name": "Walk new"}}),
    lists=True,
)
registry.owner("persona-detail", build=_persona_detail)
registry.owner("persona-voice", build=_voice)

for _basename in _PARTS:
    registry.owner(f"{_basename}-list", build=_part_fixture(_basename, detail=False))
    registry.owner(f"{_basename}-detail", build=_part_fixture(_basename, detail=True))
    registry.owner(f"{_basename}-reorder", build=_bulk_fixture(_basename))
    registry.owner(f"{_basename}-bulk-delete", build=_bulk_fixture(_basename))

registry.owner("persona-bullet-list", build=_bullet_fixture(detail=False))
registry.owner("persona-bullet-detail", build=_bullet_fixture(detail=True))
registry.owner("persona-bullet-reorder", build=_bullet_bulk)
registry.owner("persona-bullet-bulk-delete", build=_bullet_bulk)
