"""Celery tasks of reminders (thin: primitive ids, one service each)."""

from __future__ import annotations

import smtplib

from celery import shared_task
from django.utils import timezone

from reminders import selectors, services


@shared_task(name="reminders.send_due_digests")
def send_due_digests() -> int:
    """Beat, every 15 minutes: one send_digest task per user whose digest hour has come today."""
    due = selectors.users_due_for_digest(now=timezone.now())
    for user_id in due:
        send_digest.delay(user_id=str(user_id))
    return len(due)


@shared_task(
    name="reminders.send_digest",
    autoretry_for=(smtplib.SMTPException, ConnectionError, TimeoutError),
    retry_backoff=60,
    max_retries=3,
)
def send_digest(*, user_id: str) -> str | None:
    # The service re-checks the hour and opt-out and claims the day first, so a retry never sends twice.
    return services.send_digest(user_id)
