"""Reads of personas shared by the pages, the API and later the matcher."""

from __future__ import annotations

from typing import Any

from personas.models import Persona
from tenancy.querysets import OwnedQuerySet

# Every list-shaped part of a persona. Prefetching through the persona's
# related managers keeps the scope (they are the persona's own rows) and costs
# one query per relation however many rows each has.
PART_PREFETCHES = (
    "skills",
    "work_history__bullets",
    "education",
    "certifications",
    "stories",
    "dealbreakers",
)


def personas_for(user: Any) -> OwnedQuerySet:
    """The user's personas, oldest first."""
    return Persona.objects.for_user(user).order_by("created_at")


def with_parts(personas: OwnedQuerySet) -> OwnedQuerySet:
    """`personas` with every part loaded: the voice joined, the lists prefetched."""
    return personas.select_related("voice").prefetch_related(*PART_PREFETCHES)


def persona_with_parts(user: Any, pk: Any) -> Persona | None:
    """One of the user's personas with all its parts, or None."""
    return with_parts(personas_for(user)).filter(pk=pk).first()
