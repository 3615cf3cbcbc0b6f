"""Insights and the demo board for the isolation walk (tenancy.isolation)."""

from __future__ import annotations

import uuid
from typing import Any

from personas import services as personas
from tenancy.isolation import Fixture, registry


def _persona_listed(user: Any) -> Fixture:
    """The persona filter lists the user's personas: an outsider's page must not list this one."""
    persona = personas.create_persona(user, full_name=f"Walk insights {uuid.uuid4().hex[:10]}")
    return Fixture({}, marker=persona.full_name)


registry.owner("insights:index", build=_persona_listed, lists=True)
registry.public("insights:demo-board", reason="the public demo board: sample data built in memory, no user's rows")
registry.public("core:home", reason="the landing page for visitors; signed-in users are sent to the dashboard")
