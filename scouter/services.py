"""Writes of scouting state: a persona's scouting rows, its search profile, its sources, runs.

Where the scouting rows come from: personas must not import the scouter
(apps import downward only, ARCHITECTURE §3), so a persona does not create
them. `ensure_persona_scouting(persona)` creates them lazily on first use
(dashboard, search profile page, sources page, any run) and the beat task
`scouter.poll_due` sweeps onboarded personas that have none yet, so scheduled
polling starts without anyone opening a page. See docs/decisions/070-scouting-rows.md.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from personas.models import Persona, PersonaSkill, WorkHistory
from scouter import search_profiles
from scouter.models import PollingConfiguration, RunStatus, RunTrigger, ScoutRun, SearchProfile, SourcePreference
from scouter.sources.registry import LIVE_SOURCES, source_classes

logger = logging.getLogger(__name__)

COMPANY_BOARDS = tuple(key for key, cls in LIVE_SOURCES.items() if cls.boards_env)
_PROFICIENCY_RANK = {"expert": 0, "proficient": 1, "familiar": 2, "learning": 3}


# ------------------------------------------------------------------ persona facts
def persona_facts(persona: Persona) -> search_profiles.PersonaFacts:
    """The facts a search profile is derived from (two queries: skills, work history)."""
    skills = PersonaSkill.objects.for_owner_id(persona.owner_id).filter(
        persona=persona, skill_type=PersonaSkill.SkillType.HARD
    )
    ranked = sorted(skills, key=lambda s: (_PROFICIENCY_RANK.get(s.proficiency, 9), -s.years_used, s.position))
    roles = WorkHistory.objects.for_owner_id(persona.owner_id).filter(persona=persona).order_by("-is_current", "-start_date")
    return search_profiles.PersonaFacts(
        current_role=persona.current_role,
        past_titles=[role.title for role in roles],
        # As the user wrote them: "AWS" finds more postings than the canonical "Amazon Web Services".
        hard_skills=[s.name for s in ranked],
        target_roles=list(persona.target_roles),
        target_skills=list(persona.target_skills),
        stretch_appetite=persona.stretch_appetite,
        home_city=persona.home_city,
        home_country=persona.home_country,
        remote_preference=persona.remote_preference,
    )


# ------------------------------------------------------------------ scouting rows
def ensure_persona_scouting(persona: Persona) -> SearchProfile:
    """Create whatever scouting rows the persona lacks (idempotent) and refresh its profile's staleness.

    Side effects: may insert a SearchProfile (derived from the persona), a
    PollingConfiguration (first poll due at once for scheduled frequencies)
    and SourcePreference rows for the operator's sources; may mark the
    profile stale. Returns the search profile.
    """
    owner_id = persona.owner_id
    facts = persona_facts(persona)
    profile = SearchProfile.objects.for_owner_id(owner_id).filter(persona=persona).first()
    if profile is None:
        fit, stretch = search_profiles.derive(facts)
        profile = _create_once(
            SearchProfile,
            owner_id=owner_id,
            persona=persona,
            fit_searches=fit,
            stretch_searches=stretch,
            persona_fingerprint=search_profiles.fingerprint(facts),
        )
    else:
        _refresh_staleness(profile, facts)
    if not PollingConfiguration.objects.for_owner_id(owner_id).filter(persona=persona).exists():
        _create_once(PollingConfiguration, owner_id=owner_id, persona=persona, next_poll_at=None)
    _ensure_preferences(persona)
    return profile


def _create_once(model, **fields: Any):
    """Insert a one-per-persona row; a concurrent insert that won is re-read instead."""
    try:
        with transaction.atomic():
            return model.objects.for_owner_id(fields["owner_id"]).create(**fields)
    except IntegrityError:
        return model.objects.for_owner_id(fields["owner_id"]).get(persona=fields["persona"])


def _refresh_staleness(profile: SearchProfile, facts: search_profiles.PersonaFacts) -> None:
    stale = search_profiles.fingerprint(facts) != profile.persona_fingerprint
    if stale != profile.is_stale:
        profile.is_stale = stale
        profile.save(update_fields=["is_stale", "updated_at"])


def operator_sources() -> list[str]:
    """Source keys the operator enabled (SCOUTER_SOURCES); empty means every live board."""
    known = source_classes()
    chosen = [key for key in settings.SCOUTER_SOURCES if key in known]
    return chosen or list(LIVE_SOURCES)


def _ensure_preferences(persona: Persona) -> None:
    scoped = SourcePreference.objects.for_owner_id(persona.owner_id).filter(persona=persona)
    existing = set(scoped.values_list("source_key", flat=True))
    missing = [key for key in operator_sources() if key not in existing]
    if missing:
        start = len(existing)
        SourcePreference.objects.for_owner_id(persona.owner_id).bulk_create(
            [
                SourcePreference(owner_id=persona.owner_id, persona=persona, source_key=key, position=start + i)
                for i, key in enumerate(missing)
            ],
            ignore_conflicts=True,
        )


# ------------------------------------------------------------------ search profile
def regenerate_search_profile(profile: SearchProfile) -> SearchProfile:
    """Derive the searches again from the persona as it is now (the user asked for it).

    Side effects: overwrites both search lists, the fingerprint; clears stale, edited and approval.
    """
    facts = persona_facts(profile.persona)
    profile.fit_searches, profile.stretch_searches = search_profiles.derive(facts)
    profile.persona_fingerprint = search_profiles.fingerprint(facts)
    profile.is_stale = False
    profile.edited_by_user = False
    profile.approved_at = None
    profile.save()
    return profile


def update_search_profile(
    profile: SearchProfile, *, fit_searches: list[Any], stretch_searches: list[Any], approve: bool = True
) -> SearchProfile:
    """Save the user's own searches (cleaned; empty ones dropped) and, by default, approve them.

    Side effects: the profile row is saved with edited_by_user set.
    """
    profile.fit_searches = [s for s in map(search_profiles.clean_search, fit_searches) if s]
    profile.stretch_searches = [s for s in map(search_profiles.clean_search, stretch_searches) if s]
    profile.edited_by_user = True
    if approve:
        profile.approved_at = timezone.now()
    profile.save()
    return profile


def approve_search_profile(profile: SearchProfile) -> SearchProfile:
    """Mark the searches as reviewed by the user. Side effects: saves approved_at."""
    profile.approved_at = timezone.now()
    profile.save(update_fields=["approved_at", "updated_at"])
    return profile


# ------------------------------------------------------------------ sources
def set_source_preferences(persona: Persona, *, enabled: set[str], board_tokens: dict[str, list[str]]) -> list[SourcePreference]:
    """Turn the persona's sources on or off and store the company boards it follows.

    Only keys among the persona's preference rows are touched; tokens are kept
    only for company-board sources. Side effects: preference rows updated.
    """
    rows = list(SourcePreference.objects.for_owner_id(persona.owner_id).filter(persona=persona))
    for row in rows:
        row.is_enabled = row.source_key in enabled
        if row.source_key in COMPANY_BOARDS and row.source_key in board_tokens:
            row.board_tokens = list(dict.fromkeys(t.strip() for t in board_tokens[row.source_key] if t.strip()))[:50]
    SourcePreference.objects.for_owner_id(persona.owner_id).bulk_update(rows, ["is_enabled", "board_tokens"])
    return rows


# ------------------------------------------------------------------ runs
def start_scout_run(persona: Persona, *, trigger: str = RunTrigger.MANUAL, enqueue: bool = True) -> tuple[ScoutRun, bool]:
    """A queued run for the persona, or its run already under way; returns (run, created).

    Side effects: ensures the persona's scouting rows, inserts a ScoutRun and
    (when `enqueue`) sends `scouter.run_scout` after the transaction commits.
    """
    ensure_persona_scouting(persona)
    runs = ScoutRun.objects.for_owner_id(persona.owner_id)
    active = runs.active().filter(persona=persona).first()
    if active is not None:
        return active, False
    try:
        with transaction.atomic():
            run = runs.create(owner_id=persona.owner_id, persona=persona, trigger=trigger)
    except IntegrityError:
        # Another request started one between our read and insert (one active run per persona).
        return runs.active().get(persona=persona), False
    if enqueue:
        from scouter.tasks import run_scout

        run_id = str(run.pk)
        transaction.on_commit(lambda: run_scout.delay(run_id=run_id))
    return run, True


def fail_abandoned_runs(now=None) -> int:
    """Mark runs whose worker vanished (queued or running too long) as failed, freeing their persona.

    Side effects: updates those runs.
    """
    from scouter.scheduling import ABANDONED_AFTER

    now = now or timezone.now()
    # Reason: system sweep across every user's runs.
    return ScoutRun.unscoped.filter(
        status__in=[RunStatus.QUEUED, RunStatus.RUNNING], created_at__lt=now - ABANDONED_AFTER
    ).update(status=RunStatus.FAILED, finished_at=now, error_message="The run stopped without finishing (worker lost).")
