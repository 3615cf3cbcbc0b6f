"""Lever postings (``GET api.lever.co/v0/postings/{site}?mode=json``), paged with skip/limit.

A bare JSON array, no company name (we take it from the site slug), the title
in ``text``, ``createdAt`` in epoch milliseconds, and the body split between
``description``, ``lists`` (heading + ``<li>`` fragments) and ``additional``.
"""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import urlsplit

from scouter.parsing.location import normalise_location
from scouter.parsing.salary import salary_from_fields
from scouter.sources.base import JobSource, MalformedItem, SearchQuery, SourcePosting, SourceResult
from scouter.sources.mapping import build_posting

POSTINGS_URL = "https://api.lever.co/v0/postings/{site}"
PAGE_SIZE = 100


def company_from_slug(slug: str) -> str:
    return " ".join(part.capitalize() for part in re.split(r"[-_]+", slug) if part)


class LeverSource(JobSource):
    key = "lever"
    display_name = "Lever"
    min_interval = 1.0
    page_cap = 10
    boards_env = "SCOUTER_LEVER_SITES"

    def is_configured(self, env=None) -> tuple[bool, str]:
        return True, ""

    def fetch(self, query: SearchQuery, http: Any, result: SourceResult) -> None:
        from scouter.sources.base import SourceError

        for site in self.boards(query):
            try:
                for page_number in range(self.max_pages(query)):
                    params = {"mode": "json", "skip": page_number * PAGE_SIZE, "limit": PAGE_SIZE}
                    payload = self.decode(http.get_bytes(POSTINGS_URL.format(site=site), params=params))
                    result.add_page(self.parse_page(payload))
                    if len(payload) < PAGE_SIZE:
                        break
            except SourceError as error:
                error.message = f"{error.message} (site {site})"
                result.errors.append(error)

    def items(self, payload: Any):
        if not isinstance(payload, list):
            raise TypeError("Lever answers with a JSON array")
        return payload

    def parse_item(self, item: Any) -> SourcePosting:
        if not isinstance(item, dict):
            raise MalformedItem("Lever item is not an object")
        categories = item.get("categories") or {}
        all_locations = [loc for loc in categories.get("allLocations") or [] if isinstance(loc, str)]
        primary = categories.get("location") or (all_locations[0] if all_locations else "")
        country = item.get("country") or ""
        salary_range = item.get("salaryRange") or {}
        salary = None
        if isinstance(salary_range, dict):
            salary = salary_from_fields(
                salary_range.get("min"), salary_range.get("max"),
                currency=salary_range.get("currency"), period=salary_range.get("interval"),
            )  # fmt: skip
        hosted = item.get("hostedUrl") or ""
        path = urlsplit(hosted).path.strip("/").split("/") if hosted else []
        return build_posting(
            source=self.key,
            raw=item,
            external_id=item.get("id"),
            title=item.get("text"),
            company_name=company_from_slug(path[0]) if path else "",
            source_url=hosted,
            apply_url=item.get("applyUrl"),
            description_html=_body_html(item),
            location_raw=primary,
            country_hint=country,
            extra_locations=[normalise_location(loc, country_hint=country) for loc in all_locations if loc != primary],
            workplace_type=item.get("workplaceType"),
            salary=salary,
            salary_text=item.get("salaryDescriptionPlain") or "",
            posted_at=item.get("createdAt"),
            employment_type=categories.get("commitment"),
            tags=[categories.get("team"), categories.get("department")],
        )


def _body_html(item: dict) -> str:
    parts = [item.get("description") or ""]
    for block in item.get("lists") or []:
        if not isinstance(block, dict):
            continue
        heading = html.escape(str(block.get("text") or ""))
        parts.append(f"<h3>{heading}</h3><ul>{block.get('content') or ''}</ul>")
    parts.append(item.get("additional") or "")
    return "".join(parts)
