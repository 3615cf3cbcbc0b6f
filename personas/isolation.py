"""How the persona pages are classified for the isolation walk (tenancy.isolation).

Every route under /personas/ is owner-scoped. Routes with a persona (and a
part) in the URL get a builder that makes them for the given user, with a
marker text the owner's page shows and an outsider's must not; routes
without an object (the list, a new persona, the import) are "self" routes
whose outsider answer must simply not contain the owner's data.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from personas import services
from personas.models import Persona
from tenancy.isolation import Fixture, registry


def _marker(prefix: str) -> str:
    return f"{prefix} {uuid.uuid4().hex[:10]}"


def _persona(user: Any, *, finished: bool = True) -> Persona:
    persona = services.create_persona(user, full_name=_marker("Walk persona"), email="walk@example.com")
    if finished:
        services.complete_onboarding(persona)
    return persona


# ------------------------------------------------------------------ routes without an object in the URL
def _listed(user: Any) -> Fixture:
    """The list shows the user's personas: an outsider's list must not show this one."""
    return Fixture({}, marker=_persona(user).full_name)


def _own_page(user: Any) -> Fixture:
    """Pages about no persona in particular (or redirects): they must work, and leak nothing, for anyone."""
    _persona(user, finished=False)
    return Fixture({})


registry.owner("personas:list", build=_listed, lists=True)
for name in (
    "personas:create",
    "personas:onboarding-resume",
    "personas:import-new",
    "personas:import-review",
    "personas:import-discard",
):
    registry.owner(name, build=_own_page, lists=True)


# ------------------------------------------------------------------ a persona in the URL
def _persona_fixture(*, shows_persona: bool = True, **payloads: Any):
    def build(user: Any) -> Fixture:
        persona = _persona(user)
        return Fixture({"pk": persona.pk}, marker=persona.full_name if shows_persona else None, payloads=payloads)

    return build


registry.owner("personas:detail", build=_persona_fixture())
registry.owner("personas:delete", build=_persona_fixture())
registry.owner("personas:import-into", build=_persona_fixture())
# Redirects to the step to resume at: nothing in the body to compare, the outsider must get a 404.
registry.owner("personas:onboarding", build=_persona_fixture(shows_persona=False))


def _step_fixture(user: Any) -> Fixture:
    persona = _persona(user)
    return Fixture({"pk": persona.pk, "step": "review"}, marker=persona.full_name)


registry.owner("personas:onboarding-step", build=_step_fixture)


def _section_fixture(user: Any) -> Fixture:
    persona = _persona(user)
    return Fixture({"pk": persona.pk, "section": "basics"}, marker=persona.full_name)


registry.owner("personas:section", build=_section_fixture)

FIELD_PAYLOADS = {
    "basics": {"full_name": "Renamed Persona", "email": "renamed@example.com"},
    "targets": {
        "target_roles": "Staff Engineer",
        "remote_preference": "remote_only",
        "salary_currency": "EUR",
        "stretch_appetite": "medium",
        "minimum_fit_threshold": "60",
        "polling_frequency": "daily",
    },
    "voice": {"tone": "Plain and warm"},
}
for section, data in FIELD_PAYLOADS.items():
    registry.owner(
        f"personas:{section}-edit",
        build=_persona_fixture(POST={f"{section}-{k}": v for k, v in data.items()}),
    )


# ------------------------------------------------------------------ a part in the URL
def _make_part(persona: Persona, slug: str) -> tuple[Any, str]:
    marker = _marker(slug)
    if slug == "skills":
        return services.add_child(persona, "skills", name=marker, years_used=2), marker
    if slug in ("work-history", "bullets"):
        role = services.add_child(
            persona,
            "work_history",
            title=marker,
            company="Walk Co",
            start_date=datetime.date(2020, 1, 1),
            is_current=True,
        )
        if slug == "bullets":
            return services.add_child(persona, "bullets", work_history=role, text=marker), marker
        return role, marker
    if slug == "education":
        return services.add_child(persona, "education", institution=marker), marker
    if slug == "certifications":
        return services.add_child(persona, "certifications", name=marker), marker
    if slug == "stories":
        return services.add_child(persona, "stories", title=marker, action="Did the thing"), marker
    if slug == "dealbreakers":
        return services.add_child(persona, "dealbreakers", job_field="industry", value=marker), marker
    raise ValueError(slug)


VALID_PART_DATA = {
    "skills": {"name": "Walked skill", "skill_type": "hard", "proficiency": "expert", "years_used": "3"},
    "work-history": {"title": "Walker", "company": "Walk Co", "start_date": "2019-04", "is_current": "on"},
    "bullets": {"text": "Walked the walk"},
    "education": {"institution": "Walk University"},
    "certifications": {"name": "Certified Walker"},
    "stories": {"title": "A walk", "action": "Walked"},
    "dealbreakers": {"mode": "exclude", "job_field": "industry", "value": "Walking"},
}


def _part_fixture(slug: str, action: str):
    def build(user: Any) -> Fixture:
        persona = _persona(user)
        part, marker = _make_part(persona, slug)
        prefix = f"{slug}-{'new' if action == 'add' else 'edit'}"
        payloads = {"POST": {f"{prefix}-{k}": v for k, v in VALID_PART_DATA[slug].items()}}
        if action == "move":
            payloads = {"POST": {"direction": "up"}}
        if action == "reorder":
            payloads = {"POST": {"ids": [str(part.pk)]}}
        if action in ("add", "reorder"):
            # Adding and reordering address the persona (and, for bullets, the role they go under).
            item = {"item": part.work_history_id} if slug == "bullets" else {}
            return Fixture({"pk": persona.pk, **item}, marker=persona.full_name, payloads=payloads)
        return Fixture({"pk": persona.pk, "item": part.pk}, marker=marker, payloads=payloads)

    return build


for slug in VALID_PART_DATA:
    for action in ("add", "reorder", "edit", "delete", "move"):
        registry.owner(f"personas:{slug}-{action}", build=_part_fixture(slug, action))
