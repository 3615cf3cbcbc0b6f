"""Every periodic task, declared once (STYLE §7). Wired in zentropy/celery.py as `beat_schedule`.

Beat runs django-celery-beat's DatabaseScheduler, which copies these entries into its
PeriodicTask rows when beat starts (idempotently, by name), so operators see them in the
admin (Periodic tasks). An entry's timing is reset to this file at the next beat start.
"""

from __future__ import annotations

from celery.schedules import crontab

CELERY_BEAT_SCHEDULE = {
    # Every 5 minutes: title vectors for new pool postings, in batches, before the surfacing pass needs them.
    "jobpool-embed-pending": {"task": "jobpool.embed_pending", "schedule": crontab(minute="*/5")},
    # Every 15 minutes (at :07, :22, :37, :52, after the embeddings): offer new pool postings to every persona they fit.
    "jobpool-surface-pool": {"task": "jobpool.surface_pool", "schedule": crontab(minute="7,22,37,52")},
    # Every hour on the hour: release manual postings whose 7-day quarantine has ended (the next surfacing pass offers them).
    "jobpool-release-expired-quarantines": {"task": "jobpool.release_expired_quarantines", "schedule": crontab(minute=0)},
    # Every 30 minutes: queue scout runs for the personas whose poll is due.
    "scouter-poll-due": {"task": "scouter.poll_due", "schedule": crontab(minute="*/30")},
    # Every hour at :30: applications whose job has closed get a "job expired" timeline event (once each).
    "tracker-note-expired-jobs": {"task": "tracker.note_expired_jobs", "schedule": crontab(minute=30)},
    # Every 15 minutes: users whose local clock has passed their digest hour get today's digest (once per local day).
    "reminders-send-due-digests": {"task": "reminders.send_due_digests", "schedule": crontab(minute="*/15")},
}
