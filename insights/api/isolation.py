"""The insights API for the isolation walk: figures about the caller only."""

from __future__ import annotations

from insights.isolation import _persona_listed
from tenancy.isolation import Fixture, registry


def _figures(user) -> Fixture:
    _persona_listed(user)
    return Fixture({})  # counts only: nothing of the owner's text to look for; the status rules still apply


registry.owner("api-insights", build=_figures, lists=True)
