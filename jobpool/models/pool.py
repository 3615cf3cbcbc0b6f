"""Shared pool rows: sources, postings, their skills, sightings and LSH band keys.

Nothing here records who found a job or how many people track it
(ARCHITECTURE §4-§5); that lives only on the owned PersonaJob links.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from jobpool.querysets import JobPostingQuerySet


class SourceKind(models.TextChoices):
    API = "api", "API"
    FEED = "feed", "Feed"
    MANUAL = "manual", "Manual"
    EXTENSION = "extension", "Browser extension"


# The allow-list of sources (migration 0002 seeds them; dedup re-creates a missing one from here, never another).
KNOWN_SOURCES: dict[str, tuple[str, str]] = {
    "greenhouse": ("Greenhouse", "api"),
    "lever": ("Lever", "api"),
    "ashby": ("Ashby", "api"),
    "remoteok": ("RemoteOK", "api"),
    "remotive": ("Remotive", "api"),
    "themuse": ("The Muse", "api"),
    "adzuna": ("Adzuna", "api"),
    "usajobs": ("USAJobs", "api"),
    "rss": ("RSS / Atom feed", "feed"),
    "weworkremotely": ("We Work Remotely", "feed"),
    "arbeitnow": ("Arbeitnow", "api"),
    "himalayas": ("Himalayas", "api"),
    "smartrecruiters": ("SmartRecruiters", "api"),
    "workable": ("Workable", "api"),
    "replay": ("Recorded replay", "feed"),
    "manual": ("Manual", "manual"),
    "clipper": ("Browser clipper", "extension"),
}


class JobSource(models.Model):
    """A place postings come from: a job-board API, a feed, a user's manual add, the browser clipper."""

    key = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=100)
    kind = models.CharField(max_length=12, choices=SourceKind.choices)
    is_enabled = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_user_submitted(self) -> bool:
        return self.kind in (SourceKind.MANUAL, SourceKind.EXTENSION)


class WorkModel(models.TextChoices):
    REMOTE = "remote", "Remote"
    HYBRID = "hybrid", "Hybrid"
    ONSITE = "onsite", "Onsite"
    UNKNOWN = "unknown", "Unknown"


class Seniority(models.TextChoices):
    UNKNOWN = "", "Unknown"
    ENTRY = "entry", "Entry"
    MID = "mid", "Mid"
    SENIOR = "senior", "Senior"
    LEAD = "lead", "Lead"
    EXECUTIVE = "executive", "Executive"


class SalaryPeriod(models.TextChoices):
    UNKNOWN = "", "Unknown"
    YEAR = "year", "Per year"
    MONTH = "month", "Per month"
    WEEK = "week", "Per week"
    DAY = "day", "Per day"
    HOUR = "hour", "Per hour"


class QuarantineStatus(models.TextChoices):
    CLEAR = "clear", "Clear"
    QUARANTINED = "quarantined", "Quarantined (releases at expiry)"
    HELD = "held", "Held for review"
    REJECTED = "rejected", "Rejected by a moderator"


class JobPosting(models.Model):
    """One job, shared by every user who has it (deduplicated across sources and users).

    `is_active` only ever goes from true to false. The content hash is unique
    among active postings: an identical text posted again after the old one
    closed is a repost (a new posting linked to the old one), never a merge.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # No index of its own: the (source, external id) unique index serves every lookup by source that runs often.
    source = models.ForeignKey(JobSource, on_delete=models.PROTECT, related_name="postings", db_index=False)
    external_id = models.CharField(max_length=200, null=True, blank=True)  # noqa: DJ001 (NULL: no id; partial unique)

    title = models.CharField(max_length=300)
    title_canonical = models.CharField(max_length=300, editable=False)
    company_name = models.CharField(max_length=200)
    company_canonical = models.CharField(max_length=200, editable=False)
    company_url = models.URLField(max_length=500, blank=True)
    location = models.CharField(max_length=300, blank=True)
    location_canonical = models.CharField(max_length=300, blank=True, editable=False)
    work_model = models.CharField(max_length=10, choices=WorkModel.choices, default=WorkModel.UNKNOWN)
    seniority = models.CharField(max_length=10, choices=Seniority.choices, blank=True, default=Seniority.UNKNOWN)

    salary_min = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    salary_max = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    salary_currency = models.CharField(max_length=3, blank=True)
    salary_period = models.CharField(max_length=5, choices=SalaryPeriod.choices, blank=True, default=SalaryPeriod.UNKNOWN)

    # The long text columns are TOAST-compressed with lz4 on PostgreSQL (migration 0005; docs/decisions/041).
    description = models.TextField(help_text="Allow-list cleaned HTML (jobpool.html.clean_html).")
    description_text = models.TextField(help_text="Plain text of the description, for matching and prompts.")
    requirements = models.TextField(blank=True)
    culture_text = models.TextField(blank=True)
    years_min = models.PositiveSmallIntegerField(null=True, blank=True)
    years_max = models.PositiveSmallIntegerField(null=True, blank=True)
    posted_at = models.DateTimeField(null=True, blank=True)
    application_deadline = models.DateField(null=True, blank=True)
    source_url = models.URLField(max_length=2000, blank=True)
    apply_url = models.URLField(max_length=2000, blank=True)
    raw_text = models.TextField(blank=True)
    content_hash = models.CharField(max_length=64, editable=False)

    repost_count = models.PositiveIntegerField(default=0)
    previous_posting = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="reposts", db_index=False
    )  # indexed only where set (Meta.indexes): most postings are no repost
    ghost_score = models.PositiveSmallIntegerField(null=True, blank=True)
    ghost_signals = models.JSONField(default=dict, blank=True)

    first_seen_at = models.DateTimeField(default=timezone.now)
    last_verified_at = models.DateTimeField(default=timezone.now)
    expired_at = models.DateTimeField(null=True, blank=True)
    is_active = models.BooleanField(default=True)

    quarantine_status = models.CharField(max_length=12, choices=QuarantineStatus.choices, default=QuarantineStatus.CLEAR)
    quarantined_at = models.DateTimeField(null=True, blank=True)
    quarantine_expires_at = models.DateTimeField(null=True, blank=True)

    objects = JobPostingQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"],
                condition=Q(external_id__isnull=False),
                name="jobpool_posting_source_external_id_uniq",
            ),
            models.UniqueConstraint(
                fields=["content_hash"], condition=Q(is_active=True), name="jobpool_posting_active_content_hash_uniq"
            ),
            models.CheckConstraint(
                condition=Q(salary_min__isnull=True) | Q(salary_max__isnull=True) | Q(salary_min__lte=F("salary_max")),
                name="jobpool_posting_salary_range",
            ),
            models.CheckConstraint(
                condition=Q(years_min__isnull=True) | Q(years_max__isnull=True) | Q(years_min__lte=F("years_max")),
                name="jobpool_posting_years_range",
            ),
        ]
        # Every index costs each insert (docs/decisions/041): the unique constraints above serve the dedup lookups
        # (source + external id; content hash among active postings); partial indexes cover the rare rows that the
        # moderation queue and repost history look for, so a scouter's clear, first-time posting skips them.
        indexes = [
            models.Index(fields=["first_seen_at"], name="jobpool_posting_first_seen_idx"),
            models.Index(
                fields=["quarantine_status"], condition=~Q(quarantine_status="clear"), name="jobpool_posting_moderation_idx"
            ),
            models.Index(
                fields=["previous_posting"], condition=Q(previous_posting__isnull=False), name="jobpool_posting_repost_idx"
            ),
            models.Index(
                fields=["quarantine_expires_at"],
                condition=Q(quarantine_status="quarantined"),
                name="jobpool_posting_qexpiry_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} at {self.company_name}"

    @property
    def is_quarantined(self) -> bool:
        return self.quarantine_status in (QuarantineStatus.QUARANTINED, QuarantineStatus.HELD)

    @property
    def is_withdrawn(self) -> bool:
        return self.quarantine_status == QuarantineStatus.REJECTED

    @property
    def has_salary(self) -> bool:
        return self.salary_min is not None or self.salary_max is not None


class SkillKind(models.TextChoices):
    HARD = "hard", "Hard"
    SOFT = "soft", "Soft"


class JobSkill(models.Model):
    """A skill a posting asks for: canonical name (skills taxonomy), required or preferred, years."""

    # Looked up by posting through the (posting, name) unique index: no second index.
    posting = models.ForeignKey(JobPosting, on_delete=models.CASCADE, related_name="skills", db_index=False)
    name = models.CharField(max_length=100)
    kind = models.CharField(max_length=4, choices=SkillKind.choices, default=SkillKind.HARD)
    is_required = models.BooleanField(default=True)
    years_requested = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-is_required", "name"]
        constraints = [models.UniqueConstraint(fields=["posting", "name"], name="jobpool_jobskill_posting_name_uniq")]

    def __str__(self) -> str:
        return self.name


class DedupDecision(models.TextChoices):
    CREATED = "created", "New posting"
    SAME_SOURCE_ID = "same_source_id", "Same source and external id"
    SAME_CONTENT = "same_content", "Same normalised content"
    SAME_URL = "same_url", "Same canonical URL, content confirmed"
    CROSS_POST = "cross_post", "Near-duplicate: the same job elsewhere"
    REPOST = "repost", "Near-duplicate: a new requisition of an older posting"
    MERGED = "merged", "Merged by dedup_pool"


class JobSighting(models.Model):
    """Where and when a posting was seen, and why dedup put it there. Internal: never shown to users."""

    # By posting: the unique (posting, source, external id, URL) index; by URL: url_key's index. No other index.
    posting = models.ForeignKey(JobPosting, on_delete=models.CASCADE, related_name="sightings", db_index=False)
    source = models.ForeignKey(JobSource, on_delete=models.PROTECT, related_name="+", db_index=False)
    external_id = models.CharField(max_length=200, blank=True, default="")
    url = models.URLField(max_length=2000, blank=True)
    url_key = models.CharField(max_length=500, blank=True, help_text="normalize.canonical_url(url)")
    method = models.CharField(max_length=10, help_text="DiscoveryMethod of the intake that saw it.")
    decision = models.CharField(max_length=16, choices=DedupDecision.choices)
    reason = models.CharField(max_length=300, blank=True)
    confidence = models.FloatField(default=1.0)
    seen_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["posting", "source", "external_id", "url_key"], name="jobpool_sighting_uniq"
            )
        ]
        indexes = [models.Index(fields=["url_key"], name="jobpool_sighting_url_idx")]  # equality only: no LIKE twin

    def __str__(self) -> str:
        return f"{self.source_id}:{self.external_id or self.url_key}"


class MinHashBand(models.Model):
    """One LSH band key of a posting's MinHash signature (jobpool.minhash); the near-duplicate blocking index.

    The primary key (key, posting) is the only index: it serves the lookup by key. There is no foreign key (no
    check per row, no index on posting): jobpool.lsh deletes a posting's rows by their keys, which are recomputed
    from its stored text, and `lsh.sweep_orphans` removes rows whose posting is gone (docs/decisions/041).
    """

    pk = models.CompositePrimaryKey("key", "posting")
    key = models.BigIntegerField()
    posting = models.ForeignKey(
        JobPosting, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+"
    )

    class Meta:
        db_table = "jobpool_lsh_band"

    def __str__(self) -> str:
        return f"band {self.key}"
