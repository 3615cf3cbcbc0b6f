"""Reads for the persona pages: one persona with every part in a fixed number of queries, lists, lookups.

Everything starts from `.for_user(user)`; another user's persona or part is
simply not found (the views turn that into a 404).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.urls import reverse

from personas import services
from personas.models import AchievementStory, Bullet, Persona, WorkHistory
from tenancy.shortcuts import get_owned_or_404


def personas_for(user: Any) -> QuerySet[Persona]:
    """The user's personas for the list page, with part counts (one query)."""
    return (
        Persona.objects.for_user(user)
        .annotate(
            role_count=Count("work_history", distinct=True),
            skill_count=Count("skills", distinct=True),
        )
        .order_by("-onboarding_completed_at", "created_at")
    )


def persona_with_parts(user: Any, pk: Any) -> Persona:
    """One persona and all its parts: 1 query for the persona + voice, 1 per part kind, 1 for bullets.

    Stories come with their role, so a story's role label costs nothing.
    """
    queryset = Persona.objects.select_related("voice").prefetch_related(
        "skills",
        Prefetch("work_history", queryset=WorkHistory.objects.for_user(user).prefetch_related("bullets")),
        "education",
        "certifications",
        Prefetch("stories", queryset=AchievementStory.objects.for_user(user).select_related("work_history")),
        "dealbreakers",
    )
    return get_owned_or_404(queryset, user, pk=pk)


def persona_for(user: Any, pk: Any) -> Persona:
    """Just the persona row (with its voice), for pages that do not show its parts."""
    return get_owned_or_404(Persona.objects.select_related("voice"), user, pk=pk)


def part_for(user: Any, persona: Persona, kind: str, pk: Any) -> Any:
    """One of the persona's parts of `kind`, or 404 (another user's, another persona's, unknown)."""
    model = services.KINDS[kind]
    if model is Bullet:
        queryset = model.objects.filter(work_history__persona=persona).select_related("work_history")
    else:
        queryset = model.objects.filter(persona=persona)
    return get_owned_or_404(queryset, user, pk=pk)


def latest_unfinished_persona(user: Any) -> Persona | None:
    return Persona.objects.for_user(user).filter(onboarding_completed_at__isnull=True).order_by("-updated_at").first()


def has_finished_persona(user: Any) -> bool:
    return Persona.objects.for_user(user).filter(onboarding_completed_at__isnull=False).exists()


def references_to(part: Any, persona: Persona | None = None) -> list[str]:
    """What else points at this part, said for a delete warning ("2 stories are linked to this role").

    Uses the persona's prefetched stories when given (no query); later apps
    (drafts, applications) add their references here.
    """
    if isinstance(part, WorkHistory):
        if persona is not None:
            linked = [s for s in persona.stories.all() if s.work_history_id == part.pk]
            count = len(linked)
        else:
            count = AchievementStory.objects.for_owner_id(part.owner_id).filter(work_history=part).count()
        if count:
            noun = "story is" if count == 1 else "stories are"
            return [f"{count} {noun} linked to this role; deleting it unlinks them."]
    return []


def onboarding_prompt(user: Any) -> dict[str, Any] | None:
    """The dashboard's call to action while the user has no finished persona (None once they have one)."""
    from personas import onboarding

    if has_finished_persona(user):
        return None
    persona = latest_unfinished_persona(user)
    if persona is None:
        return {"is_new": True, "url": reverse("personas:create"), "total": onboarding.TOTAL_STEPS}
    persona = persona_with_parts(user, persona.pk)
    step = onboarding.first_unfinished(persona) or onboarding.STEPS[-1]
    return {
        "is_new": False,
        "persona": persona,
        "step": step,
        "done": sum(onboarding.is_finished(persona, s) for s in onboarding.STEPS),
        "total": onboarding.TOTAL_STEPS,
        "url": reverse("personas:onboarding-step", kwargs={"pk": persona.pk, "step": step.slug}),
    }
