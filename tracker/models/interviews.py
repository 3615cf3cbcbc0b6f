"""Interview: one scheduled conversation for an application, in its own time zone."""

from __future__ import annotations

import uuid
import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from tenancy.models import Owned, OwnedManager
from tracker.querysets import InterviewQuerySet


def validate_time_zone(value: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(f"“{value}” is not a known time zone (use an IANA name such as Europe/Berlin).")


class InterviewStage(models.TextChoices):
    RECRUITER_SCREEN = "recruiter_screen", "Recruiter screen"
    HIRING_MANAGER = "hiring_manager", "Hiring manager"
    TECHNICAL = "technical", "Technical"
    ONSITE = "onsite", "Onsite loop"
    FINAL = "final", "Final"
    OTHER = "other", "Other"


class InterviewKind(models.TextChoices):
    PHONE = "phone", "Phone"
    VIDEO = "video", "Video"
    ONSITE = "onsite", "On site"


class InterviewStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    COMPLETED = "completed", "Completed"
    CANCELLED = "cancelled", "Cancelled"


class Interview(Owned):
    """`scheduled_at` is an aware instant; `time_zone` is where it happens (shown and put in the ICS TZID)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey("tracker.Application", on_delete=models.CASCADE, related_name="interviews")
    scheduled_at = models.DateTimeField()
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    duration_minutes = models.PositiveSmallIntegerField(
        default=60, validators=[MinValueValidator(5), MaxValueValidator(24 * 60)]
    )
    stage = models.CharField(max_length=20, choices=InterviewStage.choices, default=InterviewStage.RECRUITER_SCREEN)
    kind = models.CharField(max_length=10, choices=InterviewKind.choices, default=InterviewKind.VIDEO)
    location = models.CharField(max_length=255, blank=True)
    meeting_url = models.URLField(max_length=2000, blank=True)
    interviewer = models.CharField(max_length=255, blank=True)
    status = models.CharField(max_length=10, choices=InterviewStatus.choices, default=InterviewStatus.SCHEDULED)
    notes = models.TextField(blank=True, max_length=20_000)
    sequence = models.PositiveIntegerField(default=0, editable=False)  # ICS SEQUENCE, bumped on every change
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedManager.from_queryset(InterviewQuerySet)()

    class Meta:
        ordering = ["-scheduled_at"]
        indexes = [
            models.Index(fields=["owner", "scheduled_at"], name="tracker_interview_owner_idx"),
            models.Index(fields=["application", "-scheduled_at"], name="tracker_interview_app_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} on {self.scheduled_at:%Y-%m-%d %H:%M}"

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return self.scheduled_at.astimezone(self.zone)
