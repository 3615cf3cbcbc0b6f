"""Reminder state: the daily digest's log and the personal calendar feed's tokens. Both owned."""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone

from tenancy.models import Owned


class DigestOutcome(models.TextChoices):
    SENDING = "sending", "Sending"  # claimed; the mail is being built and sent
    SENT = "sent", "Sent"
    NOTHING = "nothing", "Nothing to say"  # no due follow-ups and no interviews: no mail


class DigestLog(Owned):
    """One row per user and local day: the unique constraint is what makes a digest go out at most once.

    The sender inserts the row before it sends (a concurrent sender hits the
    constraint and stops); a failed send deletes its own claim so a later pass
    may try again the same day.
    """

    local_date = models.DateField()
    time_zone = models.CharField(max_length=64)
    outcome = models.CharField(max_length=10, choices=DigestOutcome.choices, default=DigestOutcome.SENDING)
    follow_ups = models.PositiveIntegerField(default=0)
    interviews = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-local_date"]
        constraints = [models.UniqueConstraint(fields=["owner", "local_date"], name="reminders_digest_once_per_day")]

    def __str__(self) -> str:
        return f"digest {self.local_date} ({self.outcome})"


class CalendarFeedToken(Owned):
    """The secret of a personal calendar feed URL. Only its SHA-256 is stored; the URL is shown once.

    At most one active token per user (rotating revokes the old one); a revoked
    token answers 404 like a token that never existed.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Indexed, not unique: a constraint across every owner is what tenancy.W001 warns about, and
    # 256 random bits do not collide.
    token_hash = models.CharField(max_length=64, db_index=True, editable=False)
    hint = models.CharField(max_length=8, editable=False, help_text="The URL's last characters, to recognise it.")
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner"], condition=Q(revoked_at__isnull=True), name="reminders_one_active_feed_token"
            ),
        ]

    def __str__(self) -> str:
        return f"calendar feed …{self.hint}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
