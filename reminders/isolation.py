"""How the reminders routes are classified for the isolation walk (tenancy.isolation)."""

from __future__ import annotations

from typing import Any

from reminders import services
from reminders.models import CalendarFeedToken
from tenancy.isolation import Fixture, registry


def _with_feed(user: Any) -> Fixture:
    """The settings page shows the active feed's hint: an outsider's page must not show this one."""
    services.rotate_feed_token(user)
    hint = CalendarFeedToken.objects.for_user(user).get(revoked_at__isnull=True).hint
    return Fixture({}, marker=f"…{hint}")


def _own_feed(user: Any) -> Fixture:
    services.rotate_feed_token(user)
    return Fixture({})


registry.owner("reminders:settings", build=_with_feed, lists=True)
registry.owner("reminders:feed-rotate", build=_own_feed, lists=True, methods=("POST",))
registry.owner("reminders:feed-revoke", build=_own_feed, lists=True, methods=("POST",))
registry.public(
    "reminders:unsubscribe",
    reason="the digest's one-click unsubscribe: a signed secret is the credential; a wrong one is a 404 revealing nothing",
)
registry.public(
    "reminders:calendar-feed",
    reason="calendar apps cannot sign in: the secret in the URL (stored hashed, revocable) is the credential; else 404",
)
