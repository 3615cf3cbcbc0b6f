"""Chainable reads of the pool and of the owned links."""

from __future__ import annotations

import datetime
from typing import Any, Self

from django.db import models
from django.utils import timezone

from tenancy.models import OwnedQuerySet


class JobPostingQuerySet(models.QuerySet):
    """Shared postings. Users never query these directly: they reach postings through their links."""

    def active(self) -> Self:
        return self.filter(is_active=True)

    def surfaceable(self) -> Self:
        """Postings the pool may offer to anyone: active and out of quarantine (never held, never rejected)."""
        return self.filter(is_active=True, quarantine_status="clear")

    def in_quarantine(self) -> Self:
        return self.filter(quarantine_status__in=["quarantined", "held"])

    def quarantine_expired(self, now: datetime.datetime | None = None) -> Self:
        """Quarantined postings whose time is up (held ones have no expiry and never appear here)."""
        return self.filter(quarantine_status="quarantined", quarantine_expires_at__lte=now or timezone.now())

    def expiring_within(self, delta: datetime.timedelta) -> Self:
        now = timezone.now()
        return self.filter(quarantine_status="quarantined", quarantine_expires_at__range=(now, now + delta))

    def of_company(self, company_canonical: str) -> Self:
        return self.filter(company_canonical=company_canonical)


class PersonaJobQuerySet(OwnedQuerySet):
    """A user's links; scope with `.for_user(user)` first (tenancy)."""

    def discovered(self) -> Self:
        return self.filter(status="discovered")

    def for_persona(self, persona: Any) -> Self:
        return self.filter(persona=persona)

    def with_posting(self) -> Self:
        return self.select_related("posting")

    def manual_since(self, since: datetime.datetime) -> Self:
        return self.filter(discovery_method="manual", discovered_at__gte=since)
