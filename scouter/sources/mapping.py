"""One place that turns an adapter's picked fields into a normalised SourcePosting.

Adapters only know where their board keeps each fact; cleaning HTML, parsing
salaries and dates, placing locations, guessing seniority and work model
happen here, the same way for every source.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from scouter.parsing.dates import parse_date, parse_datetime
from scouter.parsing.employment import normalise_employment_type
from scouter.parsing.location import Location, normalise_location
from scouter.parsing.markup import clean_html, clean_inline, html_to_text, text_to_html
from scouter.parsing.salary import Salary, find_salary_in_text, parse_salary_text
from scouter.parsing.sections import extract_culture, extract_requirements
from scouter.parsing.seniority import extract_years, guess_seniority
from scouter.parsing.work_model import detect_work_model, normalise_workplace_type
from scouter.sources.base import MalformedItem, SourcePosting

MAX_TAGS = 30
MAX_EXTRA_LOCATIONS = 50
MAX_URL_LENGTH = 2048


def safe_url(value: object) -> str | None:
    """The URL when it is an absolute http(s) URL, else None (javascript:, mailto:, relative, junk)."""
    if not value or not isinstance(value, str):
        return None
    url = value.strip()
    if len(url) > MAX_URL_LENGTH or any(c in url for c in "\n\r\t <>\"'"):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    # Hosts are case-insensitive; RemoteOK writes "remoteOK.com". One spelling helps dedup.
    netloc = parts.netloc.lower() if "@" not in parts.netloc else parts.netloc
    return parts._replace(scheme=parts.scheme.lower(), netloc=netloc).geturl()


def clean_tags(values: Iterable[Any]) -> list[str]:
    seen: dict[str, str] = {}
    for value in values or ():
        text = clean_inline(value)
        if text and text.lower() not in seen:
            seen[text.lower()] = text
    return list(seen.values())[:MAX_TAGS]


def build_posting(
    *,
    source: str,
    raw: dict[str, Any],
    external_id: object,
    title: object,
    company_name: object,
    source_url: object,
    apply_url: object = None,
    company_url: object = None,
    description_html: object = "",
    description_text: object = "",
    location_raw: object = "",
    location: Location | None = None,
    extra_locations: Iterable[Location] = (),
    country_hint: str = "",
    remote_flag: bool | None = None,
    workplace_type: object = None,
    seniority_hints: Iterable[str] = (),
    salary: Salary | None = None,
    salary_text: object = "",
    default_currency: str = "",
    posted_at: object = None,
    deadline: object = None,
    employment_type: Iterable[object] | object = (),
    tags: Iterable[Any] = (),
    requirements: object = "",
    culture_text: object = "",
) -> SourcePosting:
    """A normalised posting; raises MalformedItem when the item lacks a title or a usable link."""
    if not isinstance(title, str) or not isinstance(company_name, str | None):
        raise MalformedItem(f"{source}: title and company must be text")
    clean_title = clean_inline(title)
    if not clean_title:
        raise MalformedItem(f"{source}: item without a title")
    link = safe_url(source_url) or safe_url(apply_url)
    if link is None:
        raise MalformedItem(f"{source}: item {clean_title!r} has no http(s) link")

    html_body = clean_html(str(description_html)) if description_html else text_to_html(str(description_text or ""))
    text_body = html_to_text(html_body)

    raw_location = clean_inline(location_raw)
    stated_model = normalise_workplace_type(workplace_type)
    place = location or normalise_location(
        raw_location, country_hint=country_hint, remote_hint=bool(remote_flag) and stated_model in ("", "remote")
    )

    if salary is None and salary_text:
        salary = parse_salary_text(str(salary_text), default_currency=default_currency)
    if salary is None:
        salary = find_salary_in_text(text_body, default_currency=default_currency)

    years_min, years_max = extract_years(text_body)
    employment_values = (
        [employment_type] if isinstance(employment_type, str) or employment_type is None else list(employment_type)
    )
    return SourcePosting(
        source=source,
        external_id=str(external_id).strip() if external_id not in (None, "") else None,
        title=clean_title,
        company_name=clean_inline(company_name),
        company_url=safe_url(company_url),
        source_url=link,
        apply_url=safe_url(apply_url) or link,
        location_raw=raw_location or place.raw,
        location=place,
        extra_locations=list(extra_locations)[:MAX_EXTRA_LOCATIONS],
        work_model=detect_work_model(
            workplace_type=workplace_type,
            remote_flag=remote_flag,
            location=place,
            title=clean_title,
            text=text_body[:20000],
        ),
        seniority=guess_seniority(clean_title, hints=tuple(seniority_hints)),
        salary_min=salary.minimum if salary else None,
        salary_max=salary.maximum if salary else None,
        salary_currency=salary.currency if salary else "",
        salary_period=salary.period if salary else "",
        salary_is_estimated=salary.is_estimated if salary else False,
        description_html=html_body,
        description_text=text_body,
        requirements=html_to_text(clean_html(str(requirements))) if requirements else extract_requirements(text_body),
        culture_text=html_to_text(clean_html(str(culture_text))) if culture_text else extract_culture(text_body),
        years_min=years_min,
        years_max=years_max,
        posted_at=parse_datetime(posted_at),
        deadline=parse_date(deadline),
        employment_type=normalise_employment_type(*employment_values),
        tags=clean_tags(tags),
        raw=raw,
    )
