"""Writes to personas and their parts.

The owner of every row is copied from the persona (or from the user for a new
persona), never taken from the caller's fields. Each function validates with
`full_clean()` and raises django.core.exceptions.ValidationError with
per-field messages on bad input.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Max
from django.utils import timezone

from personas.models import (
    AchievementStory,
    Bullet,
    Certification,
    CustomDealbreaker,
    Education,
    OnboardingStep,
    Persona,
    PersonaSkill,
    VoiceProfile,
    WorkHistory,
)
from skills.normalize import canonical_name

logger = logging.getLogger(__name__)

# kind -> model; every kind hangs off the persona except bullets (off a role).
KINDS: dict[str, type[models.Model]] = {
    "skills": PersonaSkill,
    "work_history": WorkHistory,
    "bullets": Bullet,
    "education": Education,
    "certifications": Certification,
    "stories": AchievementStory,
    "dealbreakers": CustomDealbreaker,
}

# Fields no caller may set: identity, ownership, parents and ordering are ours.
_PROTECTED = {"id", "pk", "owner", "owner_id", "persona", "persona_id", "position", "created_at", "updated_at"}
_PERSONA_PROTECTED = _PROTECTED | {"onboarding_step", "onboarding_completed_at"}


class UnknownIdsError(Exception):
    """Some ids are not the caller's parts of that kind; nothing was changed."""

    def __init__(self, ids: Sequence[Any]) -> None:
        self.ids = [str(i) for i in ids]
        super().__init__(f"not found: {', '.join(self.ids)}")


# ------------------------------------------------------------------ matching hook
# Personas sit below jobpool and never import it (ARCHITECTURE §3): the rescoring task is found by name.
RESCORE_TASK = "jobpool.rescore_persona"


def scores_may_change(persona: Persona) -> None:
    """After this transaction commits, recompute the persona's stale scores and offer it the pool's jobs.

    Only for onboarded personas (matching ignores the others). Side effects: one Celery task
    enqueued on commit (run inline where tasks are eager); nothing when jobpool isn't installed.
    """
    if persona.onboarding_completed_at is None:
        return
    persona_id = str(persona.pk)
    transaction.on_commit(lambda: _enqueue_rescore(persona_id))


def _enqueue_rescore(persona_id: str) -> None:
    from celery import current_app

    task = current_app.tasks.get(RESCORE_TASK)
    if task is None:  # the task modules are autodiscovered lazily: import them once per process
        current_app.loader.import_default_modules()
        task = current_app.tasks.get(RESCORE_TASK)
    if task is not None:
        task.apply_async(kwargs={"persona_id": persona_id})


# ------------------------------------------------------------------ personas
def create_persona(user: Any, **fields: Any) -> Persona:
    """Create a persona owned by `user`. Side effects: one row written."""
    persona = Persona(owner=user)
    _assign(persona, fields, protected=_PERSONA_PROTECTED)
    persona.full_clean()
    persona.save()
    return persona


def update_persona(persona: Persona, **fields: Any) -> Persona:
    """Change a persona's own fields. Side effects: the persona row is saved."""
    _assign(persona, fields, protected=_PERSONA_PROTECTED)
    persona.full_clean()
    persona.save()
    scores_may_change(persona)
    return persona


def delete_persona(persona: Persona) -> None:
    """Delete a persona and every part it owns (database cascade); nothing shared is touched."""
    persona.delete()


def set_onboarding_step(persona: Persona, step: str) -> Persona:
    """Record where onboarding resumes. Side effects: saves two columns."""
    if step not in OnboardingStep.values:
        raise ValidationError({"onboarding_step": [f"Unknown onboarding step {step!r}."]})
    persona.onboarding_step = step
    persona.save(update_fields=["onboarding_step", "updated_at"])
    return persona


def complete_onboarding(persona: Persona) -> Persona:
    """Mark onboarding finished (idempotent: the first completion time is kept)."""
    persona.onboarding_step = OnboardingStep.REVIEW
    if persona.onboarding_completed_at is None:
        persona.onboarding_completed_at = timezone.now()
    persona.save(update_fields=["onboarding_step", "onboarding_completed_at", "updated_at"])
    scores_may_change(persona)
    return persona


# ------------------------------------------------------------------ parts
def add_child(persona: Persona, kind: str, *, work_history: WorkHistory | None = None, **fields: Any) -> models.Model:
    """Add a part of `kind` at the end of its list.

    Bullets need `work_history` (one of this persona's roles); a story may
    name one. Side effects: one row written, owned by the persona's owner.
    """
    model = _model_for(kind)
    obj = model(owner_id=persona.owner_id)
    if model is Bullet:
        _check_role(persona, work_history, required=True)
        obj.work_history = work_history
    else:
        obj.persona = persona
        if model is AchievementStory:
            _check_role(persona, work_history, required=False)
            obj.work_history = work_history
        elif work_history is not None:
            raise TypeError(f"{kind} has no work_history")
    _assign(obj, fields, protected=_PROTECTED | {"work_history", "work_history_id"})
    _fill_derived(obj)
    obj.position = _next_position(_siblings(persona, kind, work_history))
    saved = _save_new(obj)
    scores_may_change(persona)
    return saved


def update_child(persona: Persona, obj: models.Model, **fields: Any) -> models.Model:
    """Change a part's fields (a story may be re-linked to another of the persona's roles)."""
    _check_belongs(persona, obj)
    if isinstance(obj, AchievementStory) and "work_history" in fields:
        role = fields.pop("work_history")
        _check_role(persona, role, required=False)
        obj.work_history = role
    _assign(obj, fields, protected=_PROTECTED | {"work_history", "work_history_id"})
    _fill_derived(obj)
    obj.full_clean()
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as exc:
        raise _integrity_to_validation(obj, exc)
    scores_may_change(persona)
    return obj


def delete_child(persona: Persona, obj: models.Model) -> None:
    """Delete one part (a role takes its bullets with it; stories keep existing, unlinked)."""
    _check_belongs(persona, obj)
    obj.delete()
    scores_may_change(persona)


def delete_children(
    persona: Persona, kind: str, ids: Iterable[Any], *, work_history: WorkHistory | None = None
) -> tuple[list[str], list[str]]:
    """Delete the persona's parts among `ids`; return (deleted ids, ids not found).

    Ids that are not this persona's parts of that kind (another user's, or
    unknown) are reported as not found and nothing of theirs is touched.
    """
    wanted = _as_uuid_strings(ids)
    siblings = _siblings(persona, kind, work_history)
    found = {str(pk) for pk in siblings.filter(pk__in=[w for w in wanted if w]).values_list("pk", flat=True)}
    with transaction.atomic():
        for obj in siblings.filter(pk__in=found):
            obj.delete()
    if found:
        scores_may_change(persona)
    deleted = [w for w in wanted if w in found]
    missing = [original for original, w in zip(ids, wanted, strict=True) if w not in found]
    return deleted, [str(m) for m in missing]


def reorder_children(
    persona: Persona, kind: str, ids: Sequence[Any], *, work_history: WorkHistory | None = None
) -> list[str]:
    """Put the listed parts first, in that order; the rest keep their order after them.

    All or nothing: if any id is not one of this persona's parts of that kind,
    raise UnknownIdsError and change nothing. Side effects: positions rewritten.
    """
    wanted = _as_uuid_strings(ids)
    siblings = list(_siblings(persona, kind, work_history))
    by_id = {str(obj.pk): obj for obj in siblings}
    unknown = [original for original, w in zip(ids, wanted, strict=True) if w not in by_id]
    if unknown:
        raise UnknownIdsError(unknown)
    if len(set(wanted)) != len(wanted):
        raise ValidationError({"ids": ["Each id may appear only once."]})
    listed = [by_id[w] for w in wanted]
    rest = [obj for obj in siblings if str(obj.pk) not in set(wanted)]
    ordered = listed + rest
    for position, obj in enumerate(ordered):
        obj.position = position
    if ordered:
        with transaction.atomic():
            type(ordered[0]).objects.for_owner_id(persona.owner_id).bulk_update(ordered, ["position"])
    return [str(obj.pk) for obj in ordered]


def set_voice(persona: Persona, **fields: Any) -> VoiceProfile:
    """Create or change the persona's one voice profile. Side effects: one row written."""
    voice = VoiceProfile.objects.for_owner_id(persona.owner_id).filter(persona=persona).first()
    if voice is None:
        voice = VoiceProfile(owner_id=persona.owner_id, persona=persona)
    _assign(voice, fields, protected=_PROTECTED)
    voice.full_clean()
    voice.save()
    return voice


def delete_voice(persona: Persona) -> bool:
    """Remove the persona's voice profile; return whether there was one."""
    deleted, _ = VoiceProfile.objects.for_owner_id(persona.owner_id).filter(persona=persona).delete()
    return bool(deleted)


# ------------------------------------------------------------------ helpers
def normalized_skill_name(name: str) -> str:
    """The skills taxonomy's canonical name for a skill, or "" when the taxonomy doesn't know it."""
    return canonical_name(name) or ""


def _model_for(kind: str) -> type[models.Model]:
    try:
        return KINDS[kind]
    except KeyError:
        raise ValueError(f"unknown persona part {kind!r}; expected one of {sorted(KINDS)}")


def _siblings(persona: Persona, kind: str, work_history: WorkHistory | None) -> models.QuerySet:
    model = _model_for(kind)
    scoped = model.objects.for_owner_id(persona.owner_id)
    if model is Bullet:
        _check_role(persona, work_history, required=True)
        return scoped.filter(work_history=work_history)
    return scoped.filter(persona=persona)


def _next_position(siblings: models.QuerySet) -> int:
    highest = siblings.aggregate(highest=Max("position"))["highest"]
    return 0 if highest is None else highest + 1


def _check_role(persona: Persona, role: WorkHistory | None, *, required: bool) -> None:
    if role is None:
        if required:
            raise ValidationError({"work_history": ["Choose one of this persona's roles."]})
        return
    if role.persona_id != persona.pk or role.owner_id != persona.owner_id:
        raise ValidationError({"work_history": ["Not found."]})


def _check_belongs(persona: Persona, obj: models.Model) -> None:
    parent_persona_id = obj.work_history.persona_id if isinstance(obj, Bullet) else obj.persona_id
    if parent_persona_id != persona.pk or obj.owner_id != persona.owner_id:
        raise ValidationError("Not found.")


def _assign(obj: models.Model, fields: dict[str, Any], *, protected: set[str]) -> None:
    names = {f.name for f in obj._meta.concrete_fields}
    for name, value in fields.items():
        if name in protected or name not in names:
            raise TypeError(f"{type(obj).__name__} has no settable field {name!r}")
        setattr(obj, name, value)


def _fill_derived(obj: models.Model) -> None:
    if isinstance(obj, PersonaSkill):
        obj.name = " ".join(obj.name.split())
        obj.normalized_name = normalized_skill_name(obj.name)
    if isinstance(obj, WorkHistory) and obj.is_current:
        obj.end_date = None


def _save_new(obj: models.Model) -> models.Model:
    obj.full_clean()
    try:
        with transaction.atomic():
            obj.save(force_insert=True)
    except IntegrityError as exc:
        raise _integrity_to_validation(obj, exc)
    return obj


def _integrity_to_validation(obj: models.Model, exc: IntegrityError) -> ValidationError:
    # A concurrent insert won the race past full_clean(); say what the constraint says.
    logger.info("integrity error on %s: %s", type(obj).__name__, exc)
    if isinstance(obj, PersonaSkill):
        return ValidationError({"name": ["This persona already has that skill."]})
    return ValidationError("This change conflicts with existing data.")


def _as_uuid_strings(ids: Iterable[Any]) -> list[str]:
    out = []
    for value in ids:
        try:
            out.append(str(UUID(str(value))))
        except (TypeError, ValueError, AttributeError):
            out.append("")
    return out
