"""Scouting state: search profiles, polling schedules, source preferences, runs and source health.

Owned rows (tenancy.Owned; the owner is copied from the persona by
scouter.services): SearchProfile, PollingConfiguration, SourcePreference,
ScoutRun. SourceHealth is shared: it describes a job board, never a user.
See docs/scouting.md.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone

from scouter.querysets import ScoutRunQuerySet
from tenancy.models import Owned, OwnedManager

ERROR_KINDS = ("rate_limited", "down", "timeout", "network", "bad_payload")


class SearchProfile(Owned):
    """What the scouter searches for one persona, derived from it and editable by its owner.

    Each search is ``{"label", "keywords", "titles", "location", "remote_only"}``.
    ``persona_fingerprint`` is a digest of the persona facts the profile was
    derived from; when the persona changes, the profile is marked stale (and
    never rewritten behind the user's back once edited).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    persona = models.OneToOneField("personas.Persona", on_delete=models.CASCADE, related_name="search_profile")
    fit_searches = models.JSONField(default=list, blank=True)
    stretch_searches = models.JSONField(default=list, blank=True)
    persona_fingerprint = models.CharField(max_length=64, blank=True)
    is_stale = models.BooleanField(default=False)
    approved_at = models.DateTimeField(null=True, blank=True)
    edited_by_user = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Search profile of {self.persona_id}"

    @property
    def searches(self) -> list[dict]:
        return [*self.fit_searches, *self.stretch_searches]

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None


class PollingConfiguration(Owned):
    """When a persona is next scouted automatically (its frequency lives on the persona)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    persona = models.OneToOneField("personas.Persona", on_delete=models.CASCADE, related_name="polling")
    next_poll_at = models.DateTimeField(null=True, blank=True)
    last_poll_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["next_poll_at"], name="scouter_polling_next_idx")]

    def __str__(self) -> str:
        return f"Polling of {self.persona_id}"


class SourcePreference(Owned):
    """One job source for one persona: on or off, its order, and the company boards it follows."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    persona = models.ForeignKey("personas.Persona", on_delete=models.CASCADE, related_name="source_preferences")
    source_key = models.CharField(max_length=40)
    is_enabled = models.BooleanField(default=True)
    position = models.PositiveSmallIntegerField(default=0)
    # Company boards (greenhouse, lever, ashby, workable, smartrecruiters): tokens / slugs the user follows.
    board_tokens = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["position", "source_key"]
        constraints = [
            models.UniqueConstraint(fields=["persona", "source_key"], name="scouter_sourcepref_persona_source_uniq")
        ]

    def __str__(self) -> str:
        return f"{self.source_key} for {self.persona_id}"


class RunTrigger(models.TextChoices):
    MANUAL = "manual", "Scout now"
    SCHEDULED = "scheduled", "Scheduled"
    COMMAND = "command", "Command line"


class RunStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class ScoutRun(Owned):
    """One scouting run for one persona, with live counters (pages poll this row)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    persona = models.ForeignKey("personas.Persona", on_delete=models.CASCADE, related_name="scout_runs")
    trigger = models.CharField(max_length=10, choices=RunTrigger.choices)
    status = models.CharField(max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED)
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    sources_total = models.PositiveIntegerField(default=0)
    sources_done = models.PositiveIntegerField(default=0)
    found = models.PositiveIntegerField(default=0)
    new = models.PositiveIntegerField(default=0)
    already_pooled = models.PositiveIntegerField(default=0)
    errors = models.PositiveIntegerField(default=0)
    scored = models.PositiveIntegerField(default=0)
    # {source_key: {"status", "found", "new", "already_pooled", "rejected", "errors", "message"}}
    source_breakdown = models.JSONField(default=dict, blank=True)
    error_message = models.CharField(max_length=500, blank=True)

    objects = OwnedManager.from_queryset(ScoutRunQuerySet)()

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["persona", "-created_at"], name="scouter_run_persona_idx"),
            models.Index(fields=["owner", "-created_at"], name="scouter_run_owner_idx"),
        ]
        constraints = [
            # At most one unfinished run per persona: "Scout now" twice joins the running one.
            models.UniqueConstraint(
                fields=["persona"],
                condition=Q(status__in=["queued", "running"]),
                name="scouter_run_one_active_per_persona",
            )
        ]

    def __str__(self) -> str:
        return f"Scout run {self.pk} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in (RunStatus.DONE, RunStatus.FAILED)

    @property
    def progress_percent(self) -> int:
        if self.is_finished:
            return 100
        if not self.sources_total:
            return 0
        return min(99, round(100 * self.sources_done / self.sources_total))


class SourceHealth(models.Model):
    """How one job source has behaved across every run (shared: about a board, not a user).

    Counters grow by atomic updates (scouter.health), so concurrent runs never lose a count.
    """

    source_key = models.CharField(max_length=40, unique=True)
    success_count = models.PositiveIntegerField(default=0)
    partial_count = models.PositiveIntegerField(default=0)
    failure_count = models.PositiveIntegerField(default=0)
    skipped_count = models.PositiveIntegerField(default=0)
    rate_limited_count = models.PositiveIntegerField(default=0)
    down_count = models.PositiveIntegerField(default=0)
    timeout_count = models.PositiveIntegerField(default=0)
    network_count = models.PositiveIntegerField(default=0)
    bad_payload_count = models.PositiveIntegerField(default=0)
    postings_fetched = models.PositiveBigIntegerField(default=0)
    last_run_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_error_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    last_error_kind = models.CharField(max_length=20, blank=True)
    last_skipped_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["source_key"]
        verbose_name_plural = "source health"

    def __str__(self) -> str:
        return self.source_key

    @property
    def error_counts(self) -> dict[str, int]:
        return {kind: getattr(self, f"{kind}_count") for kind in ERROR_KINDS}

    @property
    def error_total(self) -> int:
        return sum(self.error_counts.values())

    @property
    def state(self) -> str:
        """"ok", "failing" (the latest outcome was an error), "skipped" or "unknown" (never run)."""
        if self.last_run_at is None:
            return "unknown"
        if self.last_error_at and (self.last_success_at is None or self.last_error_at > self.last_success_at):
            return "failing"
        if self.last_success_at is None:
            return "skipped"
        return "ok"
