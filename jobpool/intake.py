"""What every intake path hands to the pool, and its preparation (pure; no ORM).

`PostingInput` is a plain dataclass of one posting's facts; the scouter, the
manual add, ingest and the clipper all build one. `prepare` checks every text
field for prompt injection, cleans the HTML and computes every dedup key
(canonical forms, content hash, URL keys, shingles, LSH band keys) once, so
the dedup service only compares.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import numpy as np

from jobpool import content_security, minhash, normalize
from jobpool.html import clean_html, html_to_text, text_to_html
from skills.extract import extract_skills

logger = logging.getLogger(__name__)

MAX_DESCRIPTION_CHARS = 100_000
MAX_SKILLS = 100


@dataclass
class SkillInput:
    name: str
    kind: str = "hard"  # hard | soft
    is_required: bool = True
    years_requested: int | None = None


@dataclass
class PostingInput:
    """One posting's facts as an intake path knows them. Give `description_html` or `description_text`."""

    source: str  # a JobSource key: "greenhouse", "manual", ...
    title: str
    company_name: str
    description_html: str = ""
    description_text: str = ""
    external_id: str | None = None
    company_url: str = ""
    location: str = ""
    work_model: str = "unknown"
    seniority: str = ""
    salary_min: Decimal | float | int | str | None = None
    salary_max: Decimal | float | int | str | None = None
    salary_currency: str = ""
    salary_period: str = ""
    requirements: str = ""
    culture_text: str = ""
    years_min: int | None = None
    years_max: int | None = None
    posted_at: datetime.datetime | None = None
    application_deadline: datetime.date | None = None
    source_url: str = ""
    apply_url: str = ""
    raw_text: str = ""
    skills: list[SkillInput] | None = None  # None: extracted from the description


# The fields checked for prompt injection, with the names logged on a hit.
CHECKED_FIELDS = (
    "title", "company_name", "location", "description_html", "description_text", "requirements",
    "culture_text", "raw_text", "company_url", "source_url", "apply_url", "salary_currency",
)


@dataclass
class PreparedPosting:
    """A PostingInput plus everything dedup compares: computed once, reused by every step."""

    input: PostingInput
    description: str  # cleaned HTML
    description_text: str
    title_canonical: str
    company_canonical: str
    location_canonical: str
    content_hash: str
    url_keys: tuple[str, ...]
    shingles: np.ndarray
    band_keys: list[int]
    skills: list[SkillInput]
    salary_min: Decimal | None
    salary_max: Decimal | None
    posted_at: datetime.datetime | None
    sighting_url_key: str = ""  # canonical form of the URL its sighting records (source URL, else apply URL)
    fields: dict[str, Any] = field(default_factory=dict)

    @property
    def shingle_set(self) -> set[int]:
        cached = self.fields.get("_shingle_set")
        if cached is None:
            cached = self.fields["_shingle_set"] = set(self.shingles.tolist())
        return cached


def _decimal(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return None
    return number if number > 0 else None


def _extract_skills(title: str, text: str, html: str) -> list[SkillInput]:
    """Skills the taxonomy finds in the posting (skills.extract), required vs preferred from its sections."""
    return [
        SkillInput(name=s.name[:100], kind=s.kind, is_required=s.is_required, years_requested=s.years_requested)
        for s in extract_skills(text, html or None, title=title)
    ]


def check_content(posting: PostingInput) -> None:
    """Raise ContentSecurityViolation when any text field, skill names included, carries an injection pattern."""
    fields: dict[str, object] = {name: getattr(posting, name) for name in CHECKED_FIELDS}
    if posting.skills:
        fields["skills"] = [skill.name for skill in posting.skills]
    try:
        content_security.check_fields(fields)
    except content_security.ContentSecurityViolation as violation:
        logger.warning(
            "content security: rejected posting from %s, field %s, category %s",
            posting.source,
            violation.field,
            violation.category,
        )
        raise


def prepare(posting: PostingInput) -> PreparedPosting:
    """Check, clean and key one posting. Raises ContentSecurityViolation; no database access."""
    check_content(posting)
    if posting.description_html:
        description = clean_html(posting.description_html[:MAX_DESCRIPTION_CHARS])
        text = html_to_text(description, cleaned=True)
    else:
        text = (posting.description_text or "")[:MAX_DESCRIPTION_CHARS].strip()
        description = text_to_html(text)
    if posting.description_html and posting.description_text and len(posting.description_text) > len(text):
        text = posting.description_text[:MAX_DESCRIPTION_CHARS].strip()
    tokens = normalize.words(text)
    shingles = minhash.shingle_hashes(tokens)
    company = normalize.canonical_company(posting.company_name)[:200]  # as stored: band keys are recomputed from it
    salary_min, salary_max = _decimal(posting.salary_min), _decimal(posting.salary_max)
    if salary_min is not None and salary_max is not None and salary_min > salary_max:
        salary_min, salary_max = salary_max, salary_min
    skills = posting.skills if posting.skills is not None else _extract_skills(posting.title, text, description)
    apply_key, source_key = normalize.canonical_url(posting.apply_url), normalize.canonical_url(posting.source_url)
    url_keys = tuple(dict.fromkeys(k for k in (apply_key, source_key) if k))
    return PreparedPosting(
        input=posting,
        description=description,
        description_text=text,
        title_canonical=normalize.canonical_title(posting.title),
        company_canonical=company,
        location_canonical=normalize.canonical_location(posting.location),
        content_hash=normalize.content_hash(
            title=posting.title, company=posting.company_name, location=posting.location, description_words=tokens
        ),
        url_keys=url_keys,
        sighting_url_key=source_key if posting.source_url else apply_key,
        shingles=shingles,
        band_keys=minhash.band_keys(minhash.signature(shingles), minhash.company_key(company)),
        skills=_dedupe_skills(skills),
        salary_min=salary_min,
        salary_max=salary_max,
        posted_at=posting.posted_at,
    )


def _dedupe_skills(skills: list[SkillInput]) -> list[SkillInput]:
    seen: dict[str, SkillInput] = {}
    for skill in skills[: MAX_SKILLS * 2]:
        key = skill.name.strip().casefold()
        if key and key not in seen:
            seen[key] = SkillInput(skill.name.strip()[:100], skill.kind, skill.is_required, skill.years_requested)
    return list(seen.values())[:MAX_SKILLS]
