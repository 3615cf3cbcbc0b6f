"""IngestToken: a pasted posting's preview, waiting for the user's confirmation (two-step ingest)."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone

from tenancy.models import Owned


class IngestToken(Owned):
    """Stored server-side, bound to its user and persona, single use, valid for 15 minutes.

    The id is the token the client sends back. `text` is the whole pasted text (stored and hashed in full).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    persona = models.ForeignKey("personas.Persona", on_delete=models.CASCADE, related_name="+")
    text = models.TextField()
    source_url = models.URLField(max_length=2000, blank=True)
    preview = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["owner", "expires_at"], name="jobpool_ingesttoken_owner_idx")]

    def __str__(self) -> str:
        return f"ingest token {self.pk}"
