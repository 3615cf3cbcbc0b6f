"""Reads for the scouting pages, the dashboard and the commands; owned rows always through the caller's scope."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.urls import NoReverseMatch, reverse

from jobpool.models import PersonaJob
from personas.models import Persona
from scouter.models import ScoutRun, SourceHealth, SourcePreference
from scouter.services import operator_sources
from scouter.sources.registry import source_classes
from tenancy.shortcuts import get_owned_or_404

# Where the user's scored jobs live: the pool's Opportunities feed (filtered to the persona).
OPPORTUNITIES_ROUTE = "jobpool:feed"


def persona_for(user: Any, pk: Any) -> Persona:
    return get_owned_or_404(Persona, user, pk=pk)


def run_for(user: Any, pk: Any) -> ScoutRun:
    return get_owned_or_404(ScoutRun.objects.select_related("persona"), user, pk=pk)


@dataclass
class PersonaScouting:
    persona: Persona
    run: ScoutRun | None


def dashboard_scouting(user: Any) -> list[PersonaScouting]:
    """The user's onboarded personas with their latest run (two queries)."""
    personas = list(Persona.objects.for_user(user).filter(onboarding_completed_at__isnull=False).order_by("created_at"))
    latest: dict = {}
    for run in ScoutRun.objects.for_user(user).filter(persona__in=personas).order_by("persona_id", "-created_at"):
        latest.setdefault(run.persona_id, run)
    return [PersonaScouting(persona, latest.get(persona.pk)) for persona in personas]


def best_matches(user: Any, persona: Persona, *, limit: int = 10) -> list[PersonaJob]:
    """The persona's best scored, undismissed jobs (one query)."""
    return list(
        PersonaJob.objects.for_user(user)
        .filter(persona=persona, status="discovered", fit_score__isnull=False)
        .select_related("posting")
        .order_by("-fit_score", "-stretch_score", "-discovered_at")[:limit]
    )


def opportunities_url(persona: Persona | None = None) -> str | None:
    """The Opportunities feed, filtered to the persona; None while no feed is installed."""
    try:
        url = reverse(OPPORTUNITIES_ROUTE)
    except NoReverseMatch:
        return None
    return f"{url}?{urlencode({'persona': persona.pk})}" if persona is not None else url


def source_names() -> dict[str, str]:
    return {key: cls.display_name for key, cls in source_classes().items()}


@dataclass
class SourceRow:
    key: str
    name: str
    health: SourceHealth | None
    preference: SourcePreference | None = None
    takes_boards: bool = False


def source_status_rows() -> list[SourceRow]:
    """Every source the operator enabled, plus any with recorded health, with its health row (one query)."""
    names = source_names()
    health = {row.source_key: row for row in SourceHealth.objects.all()}
    keys = list(dict.fromkeys([*operator_sources(), *health]))
    return [SourceRow(key, names.get(key, key), health.get(key)) for key in keys]


def source_preference_rows(user: Any, persona: Persona) -> list[SourceRow]:
    """The persona's sources in order, with health and whether they take company boards (two queries)."""
    from scouter.services import COMPANY_BOARDS

    names = source_names()
    health = {row.source_key: row for row in SourceHealth.objects.all()}
    preferences = SourcePreference.objects.for_user(user).filter(persona=persona).order_by("position", "source_key")
    return [
        SourceRow(p.source_key, names.get(p.source_key, p.source_key), health.get(p.source_key), p, p.source_key in COMPANY_BOARDS)
        for p in preferences
    ]
