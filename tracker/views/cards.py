"""Board cards and list rows: their links, built once per page rather than once per card.

A board renders hundreds of cards; reversing three URLs for each of them took
most of the page's time. Each URL is reversed once with a placeholder id and
the card's id is put in its place (the same result as reverse(), see the test).
"""

from __future__ import annotations

import uuid
from typing import Any

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.urls import reverse

from tracker import services
from tracker.models import Application
from tracker.services.applications import QUICK_ACTIONS

PLACEHOLDER = uuid.UUID(int=0)
CARD_URLS = {"detail": "tracker:detail", "move": "tracker:move", "next_action": "tracker:next-action"}


def with_card_urls(rows: list[Application]) -> list[Application]:
    """Set `key` (the id as text) and `urls` ({detail, move, next_action}) on each application."""
    zero = str(PLACEHOLDER)
    patterns = {key: reverse(name, kwargs={"pk": PLACEHOLDER}) for key, name in CARD_URLS.items()}
    for row in rows:
        row.key = pk = str(row.pk)
        row.urls = {key: pattern.replace(zero, pk) for key, pattern in patterns.items()}
    return rows


def quick_actions() -> list[tuple[str, str]]:
    return [(key, label) for key, (label, _, _) in QUICK_ACTIONS.items()]


def card_context(request: HttpRequest, card: Application) -> dict[str, Any]:
    """The context of one card rendered on its own (after a drop or a quick action)."""
    with_card_urls([card])
    here = request.POST.get("next") or request.headers.get("HX-Current-URL", "") or reverse("tracker:board")
    tz = services.settings_for(request.user).time_zone
    return {"app": card, "here": here, "csrf": get_token(request), "tz": tz, "request": request}
