"""A spreadsheet import waiting for the user's go-ahead (owned, short-lived, single-use)."""

from __future__ import annotations

import datetime
import uuid

from django.db import models
from django.utils import timezone

from tenancy.models import Owned

PREVIEW_LIFETIME = datetime.timedelta(hours=1)


def _expiry() -> datetime.datetime:
    return timezone.now() + PREVIEW_LIFETIME


class ImportPreview(Owned):
    """The parsed rows of one uploaded CSV, each with its validation errors (exports.spreadsheet).

    Committing it imports the valid rows in one transaction and stamps
    `committed_at`; a committed or expired preview cannot be committed again.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    persona = models.ForeignKey("personas.Persona", on_delete=models.CASCADE, related_name="+")
    filename = models.CharField(max_length=255)
    columns = models.JSONField(default=dict)  # field -> the header it came from
    rows = models.JSONField(default=list)  # [{"line", "values", "errors"}]
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=_expiry)
    committed_at = models.DateTimeField(null=True, blank=True)
    imported = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"import of {self.filename}"

    @property
    def valid_rows(self) -> list[dict]:
        return [row for row in self.rows if not row["errors"]]

    @property
    def invalid_rows(self) -> list[dict]:
        return [row for row in self.rows if row["errors"]]

    @property
    def display_rows(self) -> list[dict]:
        from tracker.models import Status

        labels = dict(Status.choices)
        return [{**row, "status_label": labels.get(row["values"]["status"], "")} for row in self.rows]

    def is_open(self, now: datetime.datetime | None = None) -> bool:
        return self.committed_at is None and (now or timezone.now()) < self.expires_at
