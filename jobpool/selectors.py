"""Reads of the pool shared by pages, the API and tasks."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from jobpool.models import JobPosting, JobSkill, PersonaJob

# Exactly the facts a user may see about a job. Deliberately absent: the pool id, source and
# external id, sightings, repost chain ids, content hash, first_seen_at / last_verified_at
# (moved by other users' activity), quarantine internals and anything about other users.
JOB_FACT_FIELDS = (
    "title",
    "company_name",
    "company_url",
    "location",
    "work_model",
    "seniority",
    "salary_min",
    "salary_max",
    "salary_currency",
    "salary_period",
    "description_html",
    "requirements",
    "culture_text",
    "years_min",
    "years_max",
    "posted_at",
    "application_deadline",
    "source_url",
    "apply_url",
    "is_active",
    "is_withdrawn",
    "expired_at",
    "is_reposted",
    "ghost_score",
    "ghost_signals",
    "skills",
)


def _skills(posting: JobPosting) -> list[dict[str, Any]]:
    cache = getattr(posting, "_prefetched_objects_cache", {})
    skills = cache["skills"] if "skills" in cache else JobSkill.objects.filter(posting=posting)
    return [
        {"name": s.name, "kind": s.kind, "is_required": s.is_required, "years_requested": s.years_requested}
        for s in skills
    ]


def job_facts(posting: JobPosting) -> dict[str, Any]:
    """The job's facts as a user may see them (keys: JOB_FACT_FIELDS). Prefetch `skills` for lists."""
    return {
        "title": posting.title,
        "company_name": posting.company_name,
        "company_url": posting.company_url,
        "location": posting.location,
        "work_model": posting.work_model,
        "seniority": posting.seniority,
        "salary_min": posting.salary_min,
        "salary_max": posting.salary_max,
        "salary_currency": posting.salary_currency,
        "salary_period": posting.salary_period,
        "description_html": posting.description,
        "requirements": posting.requirements,
        "culture_text": posting.culture_text,
        "years_min": posting.years_min,
        "years_max": posting.years_max,
        "posted_at": posting.posted_at,
        "application_deadline": posting.application_deadline,
        "source_url": posting.source_url,
        "apply_url": posting.apply_url,
        "is_active": posting.is_active,
        "is_withdrawn": posting.is_withdrawn,
        "expired_at": posting.expired_at,
        "is_reposted": posting.repost_count > 0,
        "ghost_score": posting.ghost_score,
        "ghost_signals": posting.ghost_signals,
        "skills": _skills(posting),
    }


def repost_history(posting: JobPosting, *, limit: int = 10) -> list[dict[str, Any]]:
    """The postings this one reposts, newest first, as dates only (never ids)."""
    history = []
    current = posting.previous_posting
    while current is not None and len(history) < limit:
        history.append({"posted_at": current.posted_at, "expired_at": current.expired_at, "title": current.title})
        current = current.previous_posting
    return history


@dataclass(frozen=True)
class FeedFilters:
    """The feed's filters, as the page and the API both take them."""

    persona: Any = None
    status: str | None = "discovered"
    min_fit: int | None = None
    favorites_only: bool = False
    work_model: str | None = None
    salary_disclosed: bool = False
    posted_within_days: int | None = None
    search: str = ""
    include_failed: bool = False
    ordering: str = "fit"


FEED_ORDERINGS = {
    "fit": (F("fit_score").desc(nulls_last=True), "-discovered_at"),
    "stretch": (F("stretch_score").desc(nulls_last=True), "-discovered_at"),
    "newest": ("-discovered_at",),
    "posted": (F("posting__posted_at").desc(nulls_last=True), "-discovered_at"),
}


def feed_links(user, filters: FeedFilters) -> QuerySet[PersonaJob]:
    """The user's links with their postings (and skills) loaded, filtered and ordered for the feed."""
    links = PersonaJob.objects.for_user(user).select_related("posting").prefetch_related("posting__skills")
    if filters.persona is not None:
        links = links.filter(persona=filters.persona)
    if filters.status:
        links = links.filter(status=filters.status)
    if filters.min_fit is not None:
        links = links.filter(fit_score__gte=filters.min_fit)
    if filters.favorites_only:
        links = links.filter(is_favorite=True)
    if filters.work_model:
        links = links.filter(posting__work_model=filters.work_model)
    if filters.salary_disclosed:
        links = links.filter(Q(posting__salary_min__isnull=False) | Q(posting__salary_max__isnull=False))
    if filters.posted_within_days is not None:
        since = timezone.now() - datetime.timedelta(days=filters.posted_within_days)
        links = links.filter(Q(posting__posted_at__gte=since) | Q(posting__posted_at__isnull=True, discovered_at__gte=since))
    if filters.search:
        term = filters.search.strip()
        links = links.filter(Q(posting__title__icontains=term) | Q(posting__company_name__icontains=term))
    if not filters.include_failed:
        links = links.filter(failed_dealbreakers=[])
    return links.order_by(*FEED_ORDERINGS.get(filters.ordering, FEED_ORDERINGS["fit"]))
