"""Scheduled polling: which personas are due, queuing their runs, and the concurrency slots.

Progress is the rows themselves (PollingConfiguration.next_poll_at and the
ScoutRun statuses), so a beat pass that dies half-way loses nothing and a
second pass queues nothing twice (one active run per persona is a database
constraint).
"""

from __future__ import annotations

import datetime

from django.core.cache import cache
from django.db.models import F, Q
from django.utils import timezone

from personas.models import Persona, PollingFrequency
from scouter import services
from scouter.models import PollingConfiguration, RunStatus, RunTrigger
from scouter.scheduling import ABANDONED_AFTER, INTERVALS

SLOT_KEY = "scouter:poll-slot:{}"


def due_polls(now: datetime.datetime, limit: int) -> list[PollingConfiguration]:
    """Polling rows of onboarded, non-manual personas whose poll is due (never-scheduled ones first,
    then the oldest due), without a run under way; at most `limit`."""
    due = Q(next_poll_at__lte=now) | Q(next_poll_at__isnull=True)
    # A frequency the user shortened since the last poll counts from that poll, not the old slot.
    for frequency, interval in INTERVALS.items():
        if interval is not None:
            due |= Q(persona__polling_frequency=frequency, last_poll_at__lte=now - interval)
    # Reason: the scheduler is a system task working across every user's personas.
    return list(
        PollingConfiguration.unscoped.filter(persona__onboarding_completed_at__isnull=False)
        .exclude(persona__polling_frequency=PollingFrequency.MANUAL)
        .filter(due)
        .exclude(persona__scout_runs__status__in=[RunStatus.QUEUED, RunStatus.RUNNING])
        .select_related("persona")
        .order_by(F("next_poll_at").asc(nulls_first=True), "created_at")[:limit]
    )


def sweep_unscheduled(limit: int) -> int:
    """Create the scouting rows of onboarded personas that have none yet; returns how many.

    Side effects: ensure_persona_scouting for each (search profile, polling, preferences).
    """
    # Reason: the scheduler is a system task working across every user's personas.
    personas = list(Persona.unscoped.filter(onboarding_completed_at__isnull=False, polling__isnull=True)[:limit])
    for persona in personas:
        services.ensure_persona_scouting(persona)
    return len(personas)


def queue_due_runs(*, limit: int, now: datetime.datetime | None = None) -> list:
    """Queue one scheduled run per due persona (at most `limit`); returns the new runs' ids.

    Side effects: fails abandoned runs, creates missing scouting rows, inserts ScoutRun rows.
    """
    now = now or timezone.now()
    services.fail_abandoned_runs(now)
    sweep_unscheduled(limit)
    run_ids = []
    for polling in due_polls(now, limit):
        run, created = services.start_scout_run(polling.persona, trigger=RunTrigger.SCHEDULED, enqueue=False)
        if created:
            run_ids.append(run.pk)
    return run_ids


def acquire_slot(run_id: str, limit: int) -> int | None:
    """One of `limit` concurrency slots for this run, or None when all are taken.

    The slots live in the shared cache (Redis in production, the database cache in
    the embedded default) with an expiry, so a killed worker's slot frees itself.
    """
    timeout = int(ABANDONED_AFTER.total_seconds())
    for slot in range(limit):
        if cache.add(SLOT_KEY.format(slot), str(run_id), timeout=timeout):
            return slot
    return None


def release_slot(slot: int, run_id: str) -> None:
    key = SLOT_KEY.format(slot)
    if cache.get(key) == str(run_id):
        cache.delete(key)
