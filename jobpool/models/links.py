"""PersonaJob: a persona's own link to a pooled job, holding everything personal about it."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from jobpool.querysets import PersonaJobQuerySet
from tenancy.models import Owned, OwnedManager


class LinkStatus(models.TextChoices):
    DISCOVERED = "discovered", "Discovered"
    DISMISSED = "dismissed", "Dismissed"
    APPLIED = "applied", "Applied"


class DiscoveryMethod(models.TextChoices):
    SCOUTER = "scouter", "Scouter"
    MANUAL = "manual", "Manual"
    POOL = "pool", "Pool"


class PersonaJob(Owned):
    """A persona's view of one pooled job: status, favourite, scores. The owner is the persona's owner.

    Addressed by its own UUID everywhere a user sees it; the posting's id never leaves the server.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # No single-column indexes on owner or persona: the (owner, discovery_method, discovered_at) index
    # serves owner lookups and the unique (persona, posting) persona lookups; two more indexes would
    # only slow the surfacing pass's link writes (docs/decisions/072).
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, db_index=False, editable=False, related_name="+"
    )
    persona = models.ForeignKey("personas.Persona", on_delete=models.CASCADE, related_name="job_links", db_index=False)
    posting = models.ForeignKey("jobpool.JobPosting", on_delete=models.PROTECT, related_name="links")
    status = models.CharField(max_length=10, choices=LinkStatus.choices, default=LinkStatus.DISCOVERED)
    is_favorite = models.BooleanField(default=False)
    dismissed_at = models.DateTimeField(null=True, blank=True)
    fit_score = models.PositiveSmallIntegerField(null=True, blank=True)
    stretch_score = models.PositiveSmallIntegerField(null=True, blank=True)
    failed_dealbreakers = models.JSONField(default=list, blank=True)
    score_details = models.JSONField(default=dict, blank=True)
    discovery_method = models.CharField(max_length=10, choices=DiscoveryMethod.choices)
    discovered_at = models.DateTimeField(default=timezone.now)
    scored_at = models.DateTimeField(null=True, blank=True)
    # sha256 of the persona's and the posting's scoring fingerprints when scored (jobpool.matching.scoring_service):
    # a different value now means the scores are stale.
    score_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    objects = OwnedManager.from_queryset(PersonaJobQuerySet)()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["persona", "posting"], name="jobpool_personajob_persona_posting_uniq"),
        ]
        indexes = [
            models.Index(fields=["persona", "-fit_score"], condition=Q(status="discovered"), name="jobpool_link_feed_idx"),
            models.Index(fields=["owner", "discovery_method", "discovered_at"], name="jobpool_link_method_idx"),
        ]

    def __str__(self) -> str:
        return f"link {self.pk}"
