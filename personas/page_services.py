"""Writes the persona pages need beyond personas.services (which they call for every row).

- moving one part up or down (the pages' reorder buttons),
- advancing onboarding after a step is saved,
- saving a reviewed resume draft as a persona's parts in one transaction.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from personas import onboarding, services
from personas.models import OnboardingStep, Persona, PersonaSkill, WorkHistory

UP, DOWN = "up", "down"


def move_part(
    persona: Persona, kind: str, obj: Any, direction: str, *, work_history: WorkHistory | None = None
) -> bool:
    """Swap a part with its neighbour above or below; return whether anything moved.

    Side effects: the positions of the kind's parts are rewritten (personas.services.reorder_children).
    """
    if direction not in {UP, DOWN}:
        raise ValueError(f"direction must be {UP!r} or {DOWN!r}")
    scoped = services.KINDS[kind].objects.for_owner_id(persona.owner_id)
    siblings = scoped.filter(work_history=work_history) if kind == "bullets" else scoped.filter(persona=persona)
    siblings = siblings.order_by("position", "created_at")
    ids = [str(pk) for pk in siblings.values_list("pk", flat=True)]
    index = ids.index(str(obj.pk))
    target = index - 1 if direction == UP else index + 1
    if not 0 <= target < len(ids):
        return False
    ids[index], ids[target] = ids[target], ids[index]
    services.reorder_children(persona, kind, ids, work_history=work_history)
    return True


def advance_onboarding(persona: Persona, finished: onboarding.Step) -> onboarding.Step | None:
    """Record that `finished` was saved: move the resume point past it if it was the furthest step.

    Returns the step to show next. Side effects: may save `onboarding_step`.
    """
    upcoming = onboarding.next_step(finished)
    if upcoming is None:
        return None
    if not persona.is_onboarded and onboarding.STEP_VALUES.index(finished.value) >= onboarding.reached_index(persona):
        services.set_onboarding_step(persona, upcoming.value)
    return upcoming


# ------------------------------------------------------------------ resume import
@dataclass
class ReviewedImport:
    """What the user kept on the review page (already validated by the review forms)."""

    contact: dict[str, Any]
    roles: list[dict[str, Any]] = field(default_factory=list)  # each with "bullets": list[str]
    education: list[dict[str, Any]] = field(default_factory=list)
    certifications: list[dict[str, Any]] = field(default_factory=list)
    skills: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ImportResult:
    persona: Persona
    created_persona: bool
    roles: int = 0
    bullets: int = 0
    education: int = 0
    certifications: int = 0
    skills: int = 0
    skipped_skills: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [
            f"{self.roles} role{'s' if self.roles != 1 else ''}",
            f"{self.skills} skill{'s' if self.skills != 1 else ''}",
            f"{self.education} education entr{'ies' if self.education != 1 else 'y'}",
            f"{self.certifications} certification{'s' if self.certifications != 1 else ''}",
        ]
        text = "Imported " + ", ".join(parts) + "."
        if self.skipped_skills:
            text += " Already listed, so skipped: " + ", ".join(self.skipped_skills) + "."
        return text


@transaction.atomic
def save_reviewed_import(user: Any, reviewed: ReviewedImport, *, persona: Persona | None = None) -> ImportResult:
    """Write a reviewed resume draft: a new persona for `user`, or added to `persona` (already scoped).

    Contact fields the user kept overwrite the persona's; roles (with their
    bullets), education and certifications are added after existing ones;
    skills the persona already has (ignoring case) are skipped. All or
    nothing. Side effects: rows written through personas.services; a new
    persona's onboarding resumes after "Basic info".
    """
    created = persona is None
    if persona is None:
        persona = services.create_persona(user, **reviewed.contact)
        if onboarding.BY_VALUE[OnboardingStep.BASIC_INFO].missing(persona) is None:
            services.set_onboarding_step(persona, OnboardingStep.WORK_HISTORY)
    elif reviewed.contact:
        services.update_persona(persona, **reviewed.contact)
    result = ImportResult(persona=persona, created_persona=created)

    for role in reviewed.roles:
        bullets = role.pop("bullets", [])
        saved = services.add_child(persona, "work_history", **role)
        for text in bullets:
            services.add_child(persona, "bullets", work_history=saved, text=text)
        result.roles += 1
        result.bullets += len(bullets)
    for entry in reviewed.education:
        services.add_child(persona, "education", **entry)
        result.education += 1
    for cert in reviewed.certifications:
        services.add_child(persona, "certifications", **cert)
        result.certifications += 1

    existing = {
        name.casefold()
        for name in PersonaSkill.objects.for_owner_id(persona.owner_id)
        .filter(persona=persona)
        .values_list("name", flat=True)
    }
    for skill in reviewed.skills:
        key = " ".join(skill["name"].split()).casefold()
        if key in existing:
            result.skipped_skills.append(skill["name"])
            continue
        services.add_child(persona, "skills", **skill)
        existing.add(key)
        result.skills += 1
    return result


def month_start(year_month: tuple[int, int | None] | list | None, *, end: bool = False) -> datetime.date | None:
    """A draft's (year, month) as a date; a bare year means January (or December for an end date)."""
    if not year_month:
        return None
    year, month = year_month[0], year_month[1]
    return datetime.date(int(year), int(month or (12 if end else 1)), 1)
