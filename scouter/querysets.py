"""Chainable reads of scouting rows."""

from __future__ import annotations

from typing import Self

from tenancy.models import OwnedQuerySet


class ScoutRunQuerySet(OwnedQuerySet):
    """A user's runs; scope with `.for_user(user)` first (tenancy)."""

    def active(self) -> Self:
        return self.filter(status__in=["queued", "running"])

    def for_persona(self, persona) -> Self:
        return self.filter(persona=persona)
