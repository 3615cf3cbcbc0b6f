"""TimelineEvent: the immutable record of every change that matters on an application."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone

from tenancy.models import Owned, OwnedManager
from tracker.querysets import TimelineEventQuerySet


class ImmutableEventError(Exception):
    """A timeline event cannot be changed or deleted once written."""


class EventKind(models.TextChoices):
    CREATED = "created", "Application created"
    STATUS_CHANGED = "status_changed", "Status changed"
    REOPENED = "reopened", "Reopened"
    NOTE_ADDED = "note_added", "Note added"
    NOTE_EDITED = "note_edited", "Note edited"
    NOTE_DELETED = "note_deleted", "Note deleted"
    INTERVIEW_SCHEDULED = "interview_scheduled", "Interview scheduled"
    INTERVIEW_UPDATED = "interview_updated", "Interview updated"
    INTERVIEW_CANCELLED = "interview_cancelled", "Interview cancelled"
    TAGS_UPDATED = "tags_updated", "Tags changed"
    NEXT_ACTION_SET = "next_action_set", "Next action set"
    NEXT_ACTION_DONE = "next_action_done", "Next action done"
    DETAILS_UPDATED = "details_updated", "Details edited"
    JOB_EXPIRED = "job_expired", "Job posting expired"
    MANUAL = "manual", "Logged by you"


class TimelineEvent(Owned):
    """One event; written once by tracker.services.timeline and never changed.

    `save()` refuses to update an existing row and `delete()` refuses outright;
    the queryset refuses `update()` and `delete()` too. Deleting the whole
    application still removes its events (the cascade does not go through these).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey("tracker.Application", on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=24, choices=EventKind.choices)
    message = models.CharField(max_length=500)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = OwnedManager.from_queryset(TimelineEventQuerySet)()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["application", "-created_at", "-id"], name="tracker_event_app_idx")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.message}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ImmutableEventError("Timeline events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableEventError("Timeline events cannot be deleted.")
