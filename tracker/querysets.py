"""Chainable reads of the tracker's owned rows (scope with `.for_user(user)` first)."""

from __future__ import annotations

import datetime
from typing import Self

from django.db.models import BooleanField, Case, DateTimeField, F, Q, Value, When

from tenancy.models import OwnedQuerySet

CLOSED = ("accepted", "rejected", "withdrawn", "archived")


class ApplicationQuerySet(OwnedQuerySet):
    def open(self) -> Self:
        return self.exclude(status__in=CLOSED)

    def active_since(self, since: datetime.datetime) -> Self:
        """Applications with any activity since `since` (the "hide inactive after N days" setting)."""
        return self.filter(last_activity_at__gte=since)

    def with_follow_up(self, *, now: datetime.datetime, quiet_days: int) -> Self:
        """Annotate `needs_follow_up`: an open application whose next action is due, or,
        with no next action, where nothing happened for `quiet_days` days."""
        quiet_since = now - datetime.timedelta(days=quiet_days)
        due = Q(next_action_at__isnull=False, next_action_at__lte=now)
        quiet = Q(next_action_at__isnull=True, last_activity_at__lte=quiet_since)
        return self.annotate(
            needs_follow_up=Case(
                When(Q(status__in=CLOSED), then=Value(False)),
                When(due | quiet, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )


class TimelineEventQuerySet(OwnedQuerySet):
    """Events are immutable: bulk update and delete are refused (the application's cascade still works)."""

    def update(self, **kwargs) -> int:
        from tracker.models.events import ImmutableEventError

        raise ImmutableEventError("Timeline events cannot be changed.")

    update.alters_data = True

    def delete(self):
        from tracker.models.events import ImmutableEventError

        raise ImmutableEventError("Timeline events cannot be deleted.")

    delete.alters_data = True
    delete.queryset_only = True


class InterviewQuerySet(OwnedQuerySet):
    def upcoming_first(self, now: datetime.datetime) -> Self:
        """Scheduled interviews from now on (soonest first), then every other one (newest first)."""
        upcoming = Q(status="scheduled", scheduled_at__gte=now)
        return self.annotate(
            is_upcoming=Case(When(upcoming, then=Value(True)), default=Value(False), output_field=BooleanField()),
            upcoming_at=Case(When(upcoming, then=F("scheduled_at")), default=None, output_field=DateTimeField()),
        ).order_by("-is_upcoming", F("upcoming_at").asc(nulls_last=True), "-scheduled_at", "id")
