"""Ashby job boards (``GET api.ashbyhq.com/posting-api/job-board/{name}?includeCompensation=true``).

No key and no paging. Unlisted jobs are left out. Compensation comes as tiers
of components; the ``Salary`` component gives min, max, currency and interval.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from scouter.parsing.location import normalise_location
from scouter.parsing.salary import Salary, parse_salary_text, salary_from_fields
from scouter.sources.base import JobSource, MalformedItem, SearchQuery, SourcePosting, SourceResult
from scouter.sources.lever import company_from_slug
from scouter.sources.mapping import build_posting

BOARD_URL = "https://api.ashbyhq.com/posting-api/job-board/{name}"


class AshbySource(JobSource):
    key = "ashby"
    display_name = "Ashby"
    min_interval = 1.0
    boards_env = "SCOUTER_ASHBY_BOARDS"

    def is_configured(self, env=None) -> tuple[bool, str]:
        return True, ""

    def fetch(self, query: SearchQuery, http: Any, result: SourceResult) -> None:
        self.fetch_boards(
            query, http, result, lambda name: (BOARD_URL.format(name=name), {"includeCompensation": "true"})
        )

    def items(self, payload: Any):
        return [job for job in payload["jobs"] if not (isinstance(job, dict) and job.get("isListed") is False)]

    def parse_item(self, item: Any) -> SourcePosting:
        if not isinstance(item, dict):
            raise MalformedItem("Ashby item is not an object")
        address = ((item.get("address") or {}).get("postalAddress")) or {}
        job_url = item.get("jobUrl") or ""
        path = urlsplit(job_url).path.strip("/").split("/") if job_url else []
        extras = []
        for secondary in item.get("secondaryLocations") or []:
            if isinstance(secondary, dict) and secondary.get("location"):
                postal = ((secondary.get("address") or {}).get("postalAddress")) or {}
                extras.append(
                    normalise_location(secondary["location"], country_hint=postal.get("addressCountry") or "")
                )
        return build_posting(
            source=self.key,
            raw=item,
            external_id=item.get("id"),
            title=item.get("title"),
            company_name=company_from_slug(path[0]) if path else "",
            source_url=job_url,
            apply_url=item.get("applyUrl"),
            description_html=item.get("descriptionHtml") or "",
            description_text=item.get("descriptionPlain") or "",
            location_raw=item.get("location") or "",
            country_hint=address.get("addressCountry") or "",
            extra_locations=extras,
            remote_flag=item.get("isRemote") if isinstance(item.get("isRemote"), bool) else None,
            workplace_type=item.get("workplaceType"),
            salary=_compensation(item.get("compensation") or {}),
            posted_at=item.get("publishedAt"),
            employment_type=item.get("employmentType"),
            tags=[item.get("department"), item.get("team")],
        )


def _compensation(compensation: dict) -> Salary | None:
    components = list(compensation.get("summaryComponents") or [])
    for tier in compensation.get("compensationTiers") or []:
        components.extend((tier or {}).get("components") or [])
    for component in components:
        if isinstance(component, dict) and component.get("compensationType") == "Salary":
            salary = salary_from_fields(
                component.get("minValue"), component.get("maxValue"),
                currency=component.get("currencyCode"), period=component.get("interval"),
            )  # fmt: skip
            if salary:
                return salary
    summary = compensation.get("scrapeableCompensationSalarySummary") or compensation.get("compensationTierSummary")
    return parse_salary_text(summary) if summary else None
