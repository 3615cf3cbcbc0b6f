"""API routes of reminders for the isolation walk."""

from __future__ import annotations

from typing import Any

from reminders import services
from tenancy.isolation import Fixture, registry

MARKER_ZONE = "Pacific/Chatham"


def _settings(user: Any) -> Fixture:
    services.update_tracker_settings(user, time_zone=MARKER_ZONE)
    return Fixture({}, marker=MARKER_ZONE, payloads={"PATCH": {"follow_up_days": 9}})


registry.owner("api-tracker-settings", build=_settings, lists=True)
