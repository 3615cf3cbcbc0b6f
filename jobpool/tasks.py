"""Periodic pool tasks (thin wrappers; the schedule is declared in zentropy/schedules.py)."""

from __future__ import annotations

import logging

from celery import shared_task

from jobpool import quarantine

logger = logging.getLogger(__name__)


@shared_task(name="jobpool.release_expired_quarantines", ignore_result=True)
def release_expired_quarantines() -> int:
    """Release quarantined postings whose 7 days are up (idempotent; progress is the rows themselves)."""
    released = quarantine.release_expired()
    if released:
        logger.info("released %d postings from quarantine", released)
    return released


# The matching tasks live with the matching code; importing them here registers them with Celery's autodiscovery.
from jobpool.matching import tasks as matching_tasks  # noqa: E402, F401
