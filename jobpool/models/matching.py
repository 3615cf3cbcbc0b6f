"""Matching state: stored vectors of postings and personas, and the surfacing pass's progress.

- `JobVector` (shared, job-intrinsic): one vector per posting, kind and embedding model,
  with the hash of the text it was computed from (`jobpool.embeddings.cache_key`).
- `PersonaVector` (owned): the same for a persona's title and target roles.
- `SurfacedPosting` (shared bookkeeping): a posting the surfacing pass has offered to the
  pool's personas. Its absence is the work queue, so progress lives in the database.
- `SurfacingState`: one row per pass name with the pass's high-water mark and last counts,
  for operators (the admin and `manage.py surface_pool`).

The vector columns are pgvector `vector(384)` with an HNSW index on PostgreSQL and float32
bytes on SQLite (jobpool.embeddings.fields). See docs/matching.md.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from jobpool.embeddings.fields import PortableVectorField
from tenancy.models import Owned

# all-MiniLM-L6-v2, the default provider. Another model size needs a migration of these columns.
VECTOR_DIMENSIONS = 384


class JobVectorKind(models.TextChoices):
    TITLE = "title", "Title"


class PersonaVectorKind(models.TextChoices):
    TITLE = "title", "Current title"
    TARGETS = "targets", "Target roles"


class JobVector(models.Model):
    """A posting's embedding of one kind by one model, keyed by the hash of its source text."""

    posting = models.ForeignKey("jobpool.JobPosting", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=JobVectorKind.choices)
    model_id = models.CharField(max_length=100)
    text_key = models.CharField(max_length=64, help_text="cache_key(model_id, source text)")
    vector = PortableVectorField(dimensions=VECTOR_DIMENSIONS)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["posting", "kind", "model_id"], name="jobpool_jobvector_uniq"),
        ]
        indexes = [models.Index(fields=["text_key"], name="jobpool_jobvector_key_idx")]

    def __str__(self) -> str:
        return f"{self.kind} vector of {self.posting_id}"


class PersonaVector(Owned):
    """A persona's embedding of one kind by one model (owned: it is derived from the persona)."""

    persona = models.ForeignKey("personas.Persona", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=PersonaVectorKind.choices)
    model_id = models.CharField(max_length=100)
    text_key = models.CharField(max_length=64, help_text="cache_key(model_id, source text)")
    vector = PortableVectorField(dimensions=VECTOR_DIMENSIONS)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["persona", "kind", "model_id"], name="jobpool_personavector_uniq"),
        ]
        indexes = [models.Index(fields=["text_key"], name="jobpool_personavector_key_idx")]

    def __str__(self) -> str:
        return f"{self.kind} vector of {self.persona_id}"


class SurfacedPosting(models.Model):
    """A posting the surfacing pass has finished with (written in the same transaction as its links).

    A posting in quarantine is never surfaceable, so it gets no row until it is released;
    then the next pass finds it like any new posting.
    """

    posting = models.OneToOneField("jobpool.JobPosting", on_delete=models.CASCADE, primary_key=True, related_name="+")
    surfaced_at = models.DateTimeField(default=timezone.now)
    candidates = models.PositiveIntegerField(default=0, help_text="Pairs given the full score.")
    links_created = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"surfaced {self.posting_id}"


class SurfacingState(models.Model):
    """The pass's bookkeeping for operators: last run, high-water mark of surfaced postings, counts."""

    name = models.CharField(max_length=40, unique=True, default="pool")
    high_water_mark = models.DateTimeField(
        null=True, blank=True, help_text="first_seen_at of the newest posting surfaced so far."
    )
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)
    last_postings = models.PositiveIntegerField(default=0)
    last_links = models.PositiveIntegerField(default=0)
    total_postings = models.PositiveBigIntegerField(default=0)
    total_links = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"surfacing state {self.name}"
