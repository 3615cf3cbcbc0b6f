"""How an incoming sighting changes a posting already in the pool (no queries; returns changed field names).

- A refresh (same source, same external id) takes the source's current facts.
- A sighting elsewhere keeps the better facts: a disclosed salary, an ATS apply
  URL over an aggregator's, the earliest posted date, the longest description,
  and fills facts the posting lacks.
Neither ever touches first_seen_at, quarantine, activity or repost fields.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from jobpool.intake import PreparedPosting
from jobpool.models import JobPosting

# Hosts of applicant-tracking systems (the employer's own pipeline) and of aggregators that relay it.
ATS_HOSTS = (
    "greenhouse.io", "lever.co", "ashbyhq.com", "workable.com", "smartrecruiters.com", "myworkdayjobs.com",
    "workday.com", "icims.com", "jobvite.com", "bamboohr.com", "recruitee.com", "teamtailor.com",
    "personio.de", "personio.com", "breezy.hr", "jazzhr.com", "applytojob.com", "taleo.net",
    "successfactors.com", "rippling.com", "usajobs.gov",
)
AGGREGATOR_HOSTS = (
    "adzuna.", "indeed.", "linkedin.com", "glassdoor.", "ziprecruiter.", "remoteok.com", "remotive.com",
    "himalayas.app", "themuse.com", "arbeitnow.com", "weworkremotely.com", "simplyhired.", "monster.",
)


def url_rank(url: str) -> int:
    """2 for an ATS URL, 1 for another employer URL, 0 for an aggregator's or none."""
    if not url:
        return 0
    host = (urlsplit(url).hostname or "").lower()
    if any(host == h or host.endswith("." + h) for h in ATS_HOSTS):
        return 2
    if any(marker in host for marker in AGGREGATOR_HOSTS):
        return 0
    return 1


def refresh_facts(posting: JobPosting, prepared: PreparedPosting) -> set[str]:
    """Take the source's current facts (its own re-poll). Content fields change too; the caller re-keys them."""
    data = prepared.input
    new = {
        "title": data.title[:300],
        "title_canonical": prepared.title_canonical[:300],
        "company_name": data.company_name[:200],
        "company_canonical": prepared.company_canonical[:200],
        "company_url": (data.company_url or "")[:500] or posting.company_url,
        "location": (data.location or "")[:300],
        "location_canonical": prepared.location_canonical[:300],
        "work_model": data.work_model or posting.work_model,
        "seniority": data.seniority or posting.seniority,
        "salary_min": prepared.salary_min,
        "salary_max": prepared.salary_max,
        "salary_currency": (data.salary_currency or "")[:3].upper(),
        "salary_period": data.salary_period or "",
        "description": prepared.description,
        "description_text": prepared.description_text,
        "requirements": data.requirements or "",
        "culture_text": data.culture_text or "",
        "years_min": data.years_min,
        "years_max": data.years_max,
        "posted_at": data.posted_at or posting.posted_at,
        "application_deadline": data.application_deadline or posting.application_deadline,
        "source_url": (data.source_url or "")[:2000] or posting.source_url,
        "apply_url": (data.apply_url or "")[:2000] or posting.apply_url,
        "raw_text": data.raw_text or posting.raw_text,
    }
    if new["salary_min"] is None and new["salary_max"] is None:
        # A board that stops showing the salary has not made it unknown.
        for name in ("salary_min", "salary_max", "salary_currency", "salary_period"):
            new[name] = getattr(posting, name)
    return _assign(posting, new)


def apply_better_facts(posting: JobPosting, prepared: PreparedPosting) -> set[str]:
    """Merge a sighting from elsewhere, keeping the better of each fact."""
    data = prepared.input
    new: dict[str, object] = {}
    if not posting.has_salary and (prepared.salary_min is not None or prepared.salary_max is not None):
        new.update(
            salary_min=prepared.salary_min,
            salary_max=prepared.salary_max,
            salary_currency=(data.salary_currency or "")[:3].upper(),
            salary_period=data.salary_period or "",
        )
    if data.apply_url and url_rank(data.apply_url) > url_rank(posting.apply_url):
        new["apply_url"] = data.apply_url[:2000]
    if data.posted_at and (posting.posted_at is None or data.posted_at < posting.posted_at):
        new["posted_at"] = data.posted_at
    if len(prepared.description_text) > len(posting.description_text):
        new.update(description=prepared.description, description_text=prepared.description_text)
    for name, value in (
        ("company_url", (data.company_url or "")[:500]),
        ("requirements", data.requirements),
        ("culture_text", data.culture_text),
        ("years_min", data.years_min),
        ("years_max", data.years_max),
        ("application_deadline", data.application_deadline),
        ("seniority", data.seniority),
        ("source_url", (data.source_url or "")[:2000]),
    ):
        if value and not getattr(posting, name):
            new[name] = value
    if posting.work_model == "unknown" and data.work_model and data.work_model != "unknown":
        new["work_model"] = data.work_model
    if "years_min" in new or "years_max" in new:
        low, high = new.get("years_min", posting.years_min), new.get("years_max", posting.years_max)
        if low is not None and high is not None and low > high:
            new.pop("years_min", None)
            new.pop("years_max", None)
    return _assign(posting, new)


def _assign(posting: JobPosting, values: dict[str, object]) -> set[str]:
    changed = set()
    for name, value in values.items():
        if getattr(posting, name) != value:
            setattr(posting, name, value)
            changed.add(name)
    return changed
