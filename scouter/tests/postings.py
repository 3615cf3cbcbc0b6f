"""A compact view of a SourcePosting for whole-value assertions in tests."""

from __future__ import annotations

from scouter.sources.base import SourcePosting


def summary(posting: SourcePosting) -> dict:
    return {
        "external_id": posting.external_id,
        "title": posting.title,
        "company_name": posting.company_name,
        "location": (posting.location.city, posting.location.region, posting.location.country),
        "work_model": posting.work_model,
        "seniority": posting.seniority,
        "employment_type": posting.employment_type,
        "salary": (posting.salary_min, posting.salary_max, posting.salary_currency, posting.salary_period),
        "posted_at": posting.posted_at.isoformat() if posting.posted_at else None,
        "source_url": posting.source_url,
        "apply_url": posting.apply_url,
    }
