"""The real job-board payloads in /work/shared/fixtures/job_sources, parsed minimally into PostingInputs.

Used by the content-security false-positive test and by bench/dedup_quality.py.
It is deliberately independent of the scouter's adapters: it reads only what
dedup needs (ids, title, company, location, description, URLs, dates).
"""

from __future__ import annotations

import datetime
import json
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from pathlib import Path

from jobpool.intake import PostingInput

FIXTURES = Path(os.environ.get("JOB_SOURCE_FIXTURES", "/work/shared/fixtures/job_sources"))
UTC = datetime.UTC


def _load(path: Path):
    return json.loads(path.read_text(encoding="utf-8-sig"))


def _iso(value: str | None) -> datetime.datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _epoch(value, *, millis: bool = False) -> datetime.datetime | None:
    if value in (None, ""):
        return None
    return datetime.datetime.fromtimestamp(int(value) / (1000 if millis else 1), tz=UTC)


def _remoteok(path: Path) -> Iterator[PostingInput]:
    for job in _load(path)[1:]:
        yield PostingInput(
            source="remoteok", external_id=str(job["id"]), title=job.get("position", ""), company_name=job.get("company", ""),
            description_html=job.get("description", ""), location=job.get("location", ""), source_url=job.get("url", ""),
            apply_url=job.get("apply_url", ""), posted_at=_iso(job.get("date")), work_model="remote",
            salary_min=job.get("salary_min") or None, salary_max=job.get("salary_max") or None, skills=[],
        )


def _remotive(path: Path) -> Iterator[PostingInput]:
    for job in _load(path)["jobs"]:
        yield PostingInput(
            source="remotive", external_id=str(job["id"]), title=job["title"], company_name=job["company_name"],
            description_html=job.get("description", ""), location=job.get("candidate_required_location", ""),
            source_url=job.get("url", ""), posted_at=_iso(job.get("publication_date")), work_model="remote", skills=[],
        )


def _greenhouse(path: Path) -> Iterator[PostingInput]:
    for job in _load(path)["jobs"]:
        yield PostingInput(
            source="greenhouse", external_id=str(job["id"]), title=job["title"],
            company_name=job.get("company_name") or path.stem.split("_")[-2], description_html=job.get("content", ""),
            location=(job.get("location") or {}).get("name", ""), source_url=job.get("absolute_url", ""),
            posted_at=_iso(job.get("first_published") or job.get("updated_at")), skills=[],
        )


def _lever(path: Path) -> Iterator[PostingInput]:
    company = path.stem.split("_")[2]
    for job in _load(path):
        lists = "".join(f"<h3>{item.get('text', '')}</h3><ul>{item.get('content', '')}</ul>" for item in job.get("lists", []))
        yield PostingInput(
            source="lever", external_id=job["id"], title=job["text"], company_name=company,
            description_html=(job.get("description") or "") + lists + (job.get("additional") or ""),
            location=(job.get("categories") or {}).get("location", ""), source_url=job.get("hostedUrl", ""),
            apply_url=job.get("applyUrl", ""), posted_at=_epoch(job.get("createdAt"), millis=True), skills=[],
        )


def _ashby(path: Path) -> Iterator[PostingInput]:
    company = path.stem.split("_")[3]
    for job in _load(path)["jobs"]:
        yield PostingInput(
            source="ashby", external_id=job["id"], title=job["title"], company_name=company,
            description_html=job.get("descriptionHtml", ""), location=job.get("location", ""),
            source_url=job.get("jobUrl", ""), apply_url=job.get("applyUrl", ""), posted_at=_iso(job.get("publishedAt")),
            skills=[],
        )


def _adzuna(path: Path) -> Iterator[PostingInput]:
    for job in _load(path)["results"]:
        yield PostingInput(
            source="adzuna", external_id=str(job["id"]), title=job["title"],
            company_name=(job.get("company") or {}).get("display_name", ""), description_text=job.get("description", ""),
            location=(job.get("location") or {}).get("display_name", ""), source_url=job.get("redirect_url", ""),
            posted_at=_iso(job.get("created")), skills=[],
        )


def _themuse(path: Path) -> Iterator[PostingInput]:
    for job in _load(path):
        locations = ", ".join(loc["name"] for loc in job.get("locations", [])[:3])
        yield PostingInput(
            source="themuse", external_id=str(job["id"]), title=job["name"], company_name=job["company"]["name"],
            description_html=job.get("contents", ""), location=locations,
            source_url=(job.get("refs") or {}).get("landing_page", ""), posted_at=_iso(job.get("publication_date")),
            skills=[],
        )


def _usajobs(path: Path) -> Iterator[PostingInput]:
    for item in _load(path)["SearchResult"]["SearchResultItems"]:
        d = item["MatchedObjectDescriptor"]
        details = (d.get("UserArea") or {}).get("Details") or {}
        text = "\n\n".join(
            part if isinstance(part, str) else "\n".join(part)
            for part in (details.get("JobSummary", ""), details.get("MajorDuties", []), d.get("QualificationSummary", ""),
                         details.get("Requirements", ""), details.get("Education", ""))
            if part
        )
        yield PostingInput(
            source="usajobs", external_id=str(item["MatchedObjectId"]), title=d["PositionTitle"],
            company_name=d.get("OrganizationName", ""), description_text=text,
            location=d.get("PositionLocationDisplay", ""), source_url=d.get("PositionURI", ""),
            posted_at=_iso(d.get("PublicationStartDate")), skills=[],
        )


def _arbeitnow(path: Path) -> Iterator[PostingInput]:
    for job in _load(path)["data"]:
        yield PostingInput(
            source="arbeitnow", external_id=job["slug"], title=job["title"], company_name=job["company_name"],
            description_html=job.get("description", ""), location=job.get("location", ""), source_url=job.get("url", ""),
            posted_at=_epoch(job.get("created_at")), work_model="remote" if job.get("remote") else "unknown", skills=[],
        )


def _himalayas(path: Path) -> Iterator[PostingInput]:
    for job in _load(path)["jobs"]:
        yield PostingInput(
            source="himalayas", external_id=job.get("guid"), title=job["title"], company_name=job["companyName"],
            description_html=job.get("description", ""), location=", ".join(job.get("locationRestrictions") or []),
            source_url=job.get("applicationLink", ""), posted_at=_epoch(job.get("pubDate")), work_model="remote",
            salary_min=job.get("minSalary"), salary_max=job.get("maxSalary"), skills=[],
        )


def _smartrecruiters(path: Path) -> Iterator[PostingInput]:
    data = _load(path)
    if "content" in data:
        return  # list items carry no description; the detail file below has the text
    sections = (data.get("jobAd") or {}).get("sections") or {}
    html = "".join(f"<h3>{s.get('title', '')}</h3>{s.get('text', '')}" for s in sections.values() if isinstance(s, dict))
    location = data.get("location") or {}
    yield PostingInput(
        source="smartrecruiters", external_id=str(data["id"]), title=data["name"],
        company_name=(data.get("company") or {}).get("name", ""), description_html=html,
        location=location.get("fullLocation") or location.get("city", ""), source_url=data.get("postingUrl", ""),
        apply_url=data.get("applyUrl", ""), posted_at=_iso(data.get("releasedDate")), skills=[],
    )


def _workable(path: Path) -> Iterator[PostingInput]:
    data = _load(path)
    for job in data["jobs"]:
        yield PostingInput(
            source="workable", external_id=job["shortcode"], title=job["title"], company_name=data["name"],
            description_html=job.get("description", ""), location=", ".join(filter(None, [job.get("city"), job.get("country")])),
            source_url=job.get("url", ""), apply_url=job.get("application_url", ""), skills=[],
        )


def _wwr(path: Path) -> Iterator[PostingInput]:
    for item in ET.parse(path).getroot().iter("item"):
        title = item.findtext("title") or ""
        company, _, role = title.partition(": ")
        pub = item.findtext("pubDate")
        yield PostingInput(
            source="rss", external_id=item.findtext("guid") or item.findtext("link"), title=role or title,
            company_name=company, description_html=item.findtext("description") or "", location=item.findtext("region") or "",
            source_url=item.findtext("link") or "", posted_at=parsedate_to_datetime(pub) if pub else None, skills=[],
        )


PARSERS = {
    "remoteok": _remoteok, "remotive": _remotive, "greenhouse": _greenhouse, "lever": _lever, "ashby": _ashby,
    "adzuna": _adzuna, "themuse": _themuse, "usajobs": _usajobs, "arbeitnow": _arbeitnow, "himalayas": _himalayas,
    "smartrecruiters": _smartrecruiters, "workable": _workable, "weworkremotely": _wwr,
}


def real_postings() -> Iterator[tuple[str, int, PostingInput]]:
    """(fixture file name, index in file, posting) for every posting with a description in the fixtures."""
    for folder, parse in PARSERS.items():
        for path in sorted((FIXTURES / folder).glob("*")):
            for index, posting in enumerate(parse(path)):
                if posting.title and (posting.description_html or posting.description_text):
                    yield path.name, index, posting
