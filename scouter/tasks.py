"""Scouting tasks (thin wrappers; the schedule of `scouter.poll_due` is in zentropy/schedules.py).

- `scouter.poll_due` (beat, every 30 minutes): sweeps onboarded personas without
  scouting rows, fails abandoned runs, then queues a run for each due persona
  (bounded, oldest due first) and enqueues one `scouter.run_scout` per run.
- `scouter.run_scout`: runs one ScoutRun, holding one of SCOUTER_POLL_CONCURRENCY
  slots; with every slot taken it retries a little later.
"""

from __future__ import annotations

import logging

from celery import shared_task
from django.conf import settings

from scouter import polling
from scouter.models import RunStatus, ScoutRun

logger = logging.getLogger(__name__)

SLOT_RETRY_SECONDS = 30


@shared_task(name="scouter.poll_due", ignore_result=True)
def poll_due() -> int:
    """Queue scheduled runs for the personas whose poll is due; returns how many were queued."""
    run_ids = polling.queue_due_runs(limit=settings.SCOUTER_MAX_PERSONAS_PER_POLL)
    for run_id in run_ids:
        run_scout.delay(run_id=str(run_id))
    if run_ids:
        logger.info("queued %d scheduled scout runs", len(run_ids))
    return len(run_ids)


@shared_task(name="scouter.run_scout", bind=True, ignore_result=True, max_retries=None, acks_late=True)
def run_scout(self, *, run_id: str) -> str | None:
    """Run one queued scout run within the concurrency limit; quietly does nothing if it is gone or finished."""
    # Reason: a system task receives a primitive id; the run row carries its owner.
    run = ScoutRun.unscoped.select_related("persona").filter(pk=run_id).first()
    if run is None or run.status != RunStatus.QUEUED:
        return None
    slot = polling.acquire_slot(run_id, settings.SCOUTER_POLL_CONCURRENCY)
    if slot is None:
        raise self.retry(countdown=SLOT_RETRY_SECONDS)
    try:
        from scouter.pipeline import execute_run

        return execute_run(run).status
    finally:
        polling.release_slot(slot, run_id)
