"""Workable career pages (``GET apply.workable.com/api/v1/widget/accounts/{subdomain}?details=true``).

One request per account, no paging. Dates are date-only strings;
``telecommuting`` is the remote flag.
"""

from __future__ import annotations

from typing import Any

from scouter.parsing.location import location_from_parts
from scouter.sources.base import JobSource, MalformedItem, SearchQuery, SourcePosting, SourceResult
from scouter.sources.mapping import build_posting

ACCOUNT_URL = "https://apply.workable.com/api/v1/widget/accounts/{account}"


class WorkableSource(JobSource):
    key = "workable"
    display_name = "Workable"
    min_interval = 1.0
    boards_env = "SCOUTER_WORKABLE_ACCOUNTS"

    def is_configured(self, env=None) -> tuple[bool, str]:
        return True, ""

    def fetch(self, query: SearchQuery, http: Any, result: SourceResult) -> None:
        self.fetch_boards(
            query, http, result, lambda account: (ACCOUNT_URL.format(account=account), {"details": "true"})
        )

    def items(self, payload: Any):
        return [(job, payload.get("name") or "") for job in payload["jobs"]]

    def parse_item(self, item: Any) -> SourcePosting:
        job, company = item
        if not isinstance(job, dict):
            raise MalformedItem("Workable item is not an object")
        remote = job.get("telecommuting") if isinstance(job.get("telecommuting"), bool) else None
        places = [
            location_from_parts(
                loc.get("city"), loc.get("region"), loc.get("countryCode") or loc.get("country"), is_remote=bool(remote)
            )
            for loc in job.get("locations") or []
            if isinstance(loc, dict) and not loc.get("hidden")
        ]
        primary = (
            places[0]
            if places
            else location_from_parts(job.get("city"), job.get("state"), job.get("country"), is_remote=bool(remote))
        )
        return build_posting(
            source=self.key,
            raw=job,
            external_id=job.get("shortcode"),
            title=job.get("title"),
            company_name=company,
            source_url=job.get("url") or job.get("shortlink"),
            apply_url=job.get("application_url"),
            description_html=job.get("description") or "",
            location_raw=primary.raw,
            location=primary,
            extra_locations=places[1:],
            remote_flag=remote,
            seniority_hints=[job.get("experience") or ""],
            posted_at=job.get("published_on") or job.get("created_at"),
            employment_type=job.get("employment_type"),
            tags=[job.get("department"), job.get("function"), job.get("industry")],
        )
