"""Reports from users and the moderators' log of decisions on pool postings."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from tenancy.models import Owned


class ReportReason(models.TextChoices):
    SCAM = "scam", "Scam or fraud"
    SPAM = "spam", "Spam or advertising"
    OFFENSIVE = "offensive", "Offensive or discriminatory"
    INACCURATE = "inaccurate", "Inaccurate details"
    EXPIRED = "expired", "No longer open"
    OTHER = "other", "Something else"


class ReportStatus(models.TextChoices):
    OPEN = "open", "Open"
    UPHELD = "upheld", "Upheld (posting rejected)"
    DISMISSED = "dismissed", "Dismissed (posting approved)"


class JobReport(Owned):
    """A user's report of a posting they can see. Owned by the reporter; decided by a moderator."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    posting = models.ForeignKey("jobpool.JobPosting", on_delete=models.PROTECT, related_name="reports")
    reason = models.CharField(max_length=12, choices=ReportReason.choices)
    note = models.TextField(max_length=2000, blank=True)
    status = models.CharField(max_length=10, choices=ReportStatus.choices, default=ReportStatus.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decision_note = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "posting"], condition=Q(status="open"), name="jobpool_report_one_open_per_user"
            )
        ]
        indexes = [models.Index(fields=["posting", "status"], name="jobpool_report_posting_idx")]

    def __str__(self) -> str:
        return f"report {self.pk} ({self.get_reason_display()})"


class ModerationAction(models.Model):
    """One entry of the moderation log: what happened to a posting's visibility, why, by whom (null: the system)."""

    class Action(models.TextChoices):
        QUARANTINE = "quarantine", "Quarantined on submission"
        APPROVE = "approve", "Approved"
        REJECT = "reject", "Rejected"
        HOLD = "hold", "Held for review"
        REPORT_HOLD = "report_hold", "Held by a user report"
        RELEASE_EXPIRY = "release_expiry", "Released: quarantine expired"
        RELEASE_SIGHTING = "release_sighting", "Released: seen independently by the scouter"

    tenancy_shared = "operators' log: the actor is the moderator who acted, not an owner of the row"

    posting = models.ForeignKey("jobpool.JobPosting", on_delete=models.CASCADE, related_name="moderation_actions")
    action = models.CharField(max_length=20, choices=Action.choices)
    reason = models.TextField(blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["posting", "-created_at"], name="jobpool_modaction_posting_idx")]

    def __str__(self) -> str:
        return f"{self.get_action_display()} at {self.created_at:%Y-%m-%d %H:%M}"
