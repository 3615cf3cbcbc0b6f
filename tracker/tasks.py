"""Celery tasks of the tracker (thin: each calls one service)."""

from __future__ import annotations

from celery import shared_task

from tracker import services


@shared_task(name="tracker.note_expired_jobs")
def note_expired_jobs() -> int:
    """Log `job_expired` once on open applications whose pooled posting was taken down (idempotent)."""
    return services.note_expired_jobs()
