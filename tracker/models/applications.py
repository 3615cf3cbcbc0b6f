"""Application, its notes and its tags."""

from __future__ import annotations

import uuid

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from tenancy.models import Owned, OwnedManager
from tracker.querysets import ApplicationQuerySet


class Status(models.TextChoices):
    APPLIED = "applied", "Applied"
    RECRUITER_SCREEN = "recruiter_screen", "Recruiter screen"
    INTERVIEWING = "interviewing", "Interviewing"
    ONSITE = "onsite", "Onsite"
    OFFER = "offer", "Offer"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"
    WITHDRAWN = "withdrawn", "Withdrawn"
    ARCHIVED = "archived", "Archived"


# Pipeline order of the statuses an application can still move forward from.
OPEN_STATUSES = (Status.APPLIED, Status.RECRUITER_SCREEN, Status.INTERVIEWING, Status.ONSITE, Status.OFFER)
CLOSED_STATUSES = (Status.ACCEPTED, Status.REJECTED, Status.WITHDRAWN, Status.ARCHIVED)


class Priority(models.TextChoices):
    HIGH = "high", "High"
    NORMAL = "normal", "Normal"
    LOW = "low", "Low"


class Application(Owned):
    """One job a persona applied to. The owner is the persona's owner.

    `job_snapshot` is the posting's facts frozen when the application was
    started (jobpool.selectors.job_facts), so later edits to the shared posting
    never change what the user applied to. `search_text` is kept by the
    services (company, title, location, tags, notes) for search.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    persona = models.ForeignKey("personas.Persona", on_delete=models.CASCADE, related_name="applications")
    # SET_NULL: a pool merge may drop a duplicate link; the application keeps its snapshot.
    persona_job = models.ForeignKey(
        "jobpool.PersonaJob", on_delete=models.SET_NULL, null=True, blank=True, related_name="applications"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.APPLIED)
    status_before_close = models.CharField(max_length=20, choices=Status.choices, blank=True)
    company_name = models.CharField(max_length=200)
    title = models.CharField(max_length=300)
    location = models.CharField(max_length=300, blank=True)
    job_url = models.URLField(max_length=2000, blank=True)
    applied_on = models.DateField(default=timezone.localdate)
    priority = models.CharField(max_length=6, choices=Priority.choices, default=Priority.NORMAL)
    source = models.CharField(max_length=120, blank=True, help_text="Where you found it: a board, a referral, ...")
    referral = models.CharField(max_length=200, blank=True, help_text="Who referred you, if anyone.")
    salary_currency = models.CharField(max_length=3, blank=True)
    salary_expected = models.PositiveIntegerField(null=True, blank=True, validators=[MaxValueValidator(100_000_000)])
    salary_offered = models.PositiveIntegerField(null=True, blank=True, validators=[MaxValueValidator(100_000_000)])
    next_action_title = models.CharField(max_length=200, blank=True)
    next_action_at = models.DateTimeField(null=True, blank=True)
    last_action_at = models.DateTimeField(null=True, blank=True)
    last_activity_at = models.DateTimeField(default=timezone.now)
    is_pinned = models.BooleanField(default=False)
    archived_at = models.DateTimeField(null=True, blank=True)
    job_snapshot = models.JSONField(default=dict, blank=True)
    job_expired_noted_at = models.DateTimeField(null=True, blank=True)
    search_text = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedManager.from_queryset(ApplicationQuerySet)()

    class Meta:
        constraints = [
            # One application per persona per posting: the link is unique per (persona, posting).
            models.UniqueConstraint(
                fields=["persona", "persona_job"],
                condition=Q(persona_job__isnull=False),
                name="tracker_application_persona_job_uniq",
            ),
        ]
        indexes = [
            models.Index(fields=["owner", "status"], name="tracker_app_owner_status_idx"),
            models.Index(fields=["owner", "-last_activity_at"], name="tracker_app_owner_activity_idx"),
            models.Index(fields=["owner", "next_action_at"], name="tracker_app_owner_next_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.title} at {self.company_name}"

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES

    @property
    def column(self) -> str:
        """The board column this status belongs to (tracker.transitions.COLUMNS)."""
        from tracker.transitions import COLUMN_OF

        return COLUMN_OF[self.status]


class Note(Owned):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="notes")
    body = models.TextField(max_length=20_000)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["application", "-created_at"], name="tracker_note_app_idx")]

    def __str__(self) -> str:
        return self.body[:60]


class ApplicationTag(Owned):
    """A normalised tag (trimmed, lowercase, at most 64 characters) on one application."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="tags")
    name = models.CharField(max_length=64)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["application", "name"], name="tracker_tag_application_name_uniq"),
        ]
        indexes = [models.Index(fields=["owner", "name"], name="tracker_tag_owner_name_idx")]

    def __str__(self) -> str:
        return self.name
