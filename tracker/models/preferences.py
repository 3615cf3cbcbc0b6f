"""Per-user tracker preferences: saved views and the settings row."""

from __future__ import annotations

import secrets
import uuid
import zoneinfo

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from tenancy.models import Owned
from tracker.models.interviews import validate_time_zone


class Sort(models.TextChoices):
    ACTIVITY = "activity", "Recent activity"
    NEXT_ACTION = "next_action", "Next action due"
    APPLIED = "applied", "Applied date (newest)"
    COMPANY = "company", "Company (A–Z)"
    STATUS = "status", "Status (pipeline order)"
    PRIORITY = "priority", "Priority"


class Layout(models.TextChoices):
    BOARD = "board", "Board"
    LIST = "list", "List"


class SavedView(Owned):
    """A named set of search, filters, sort and layout. Unique name per user; at most one default."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=80)
    search = models.CharField(max_length=200, blank=True)
    filters = models.JSONField(default=dict, blank=True)  # tracker.filters.ApplicationFilters.as_dict()
    sort = models.CharField(max_length=20, choices=Sort.choices, default=Sort.ACTIVITY)
    layout = models.CharField(max_length=5, choices=Layout.choices, default=Layout.LIST)
    is_default = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "name"], name="tracker_savedview_owner_name_uniq"),
            models.UniqueConstraint(
                fields=["owner"], condition=Q(is_default=True), name="tracker_savedview_one_default"
            ),
        ]

    def __str__(self) -> str:
        return self.name


def new_unsubscribe_token() -> str:
    return secrets.token_urlsafe(32)


class TrackerSettings(Owned):
    """One row per user (created on first use by tracker.services.settings_for)."""

    default_sort = models.CharField(max_length=20, choices=Sort.choices, default=Sort.ACTIVITY)
    default_layout = models.CharField(max_length=5, choices=Layout.choices, default=Layout.BOARD)
    auto_refresh_seconds = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(3600)])
    hide_inactive_after_days = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(3650)]
    )
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    follow_up_days = models.PositiveSmallIntegerField(default=7, validators=[MinValueValidator(1), MaxValueValidator(365)])
    digest_hour = models.PositiveSmallIntegerField(default=8, validators=[MaxValueValidator(23)])
    digest_opt_out = models.BooleanField(default=False)
    # The secret in the digest's one-click unsubscribe link (256 random bits; looked up by index).
    digest_unsubscribe_token = models.CharField(max_length=64, default=new_unsubscribe_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "tracker settings"
        constraints = [models.UniqueConstraint(fields=["owner"], name="tracker_settings_one_per_user")]
        indexes = [models.Index(fields=["digest_unsubscribe_token"], name="tracker_settings_unsub_idx")]

    def __str__(self) -> str:
        return f"tracker settings of {self.owner_id}"

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)
