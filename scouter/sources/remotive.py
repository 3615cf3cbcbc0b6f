"""Remotive (``GET https://remotive.com/api/remote-jobs``): remote jobs, searchable by text.

Keys use hyphens; ``publication_date`` has no zone (UTC); ``salary`` is free
text ("$30k - $100k", "up to $19/hour"); descriptions end in a tracking pixel.
Saved copies may start with a UTF-8 BOM, which ``decode`` tolerates.
"""

from __future__ import annotations

from typing import Any

from scouter.sources.base import JobSource, MalformedItem, SearchQuery, SourcePosting, SourceResult
from scouter.sources.mapping import build_posting

API_URL = "https://remotive.com/api/remote-jobs"
RESULTS_LIMIT = 100


class RemotiveSource(JobSource):
    key = "remotive"
    display_name = "Remotive"
    # Remotive asks clients to call rarely (its data changes a few times a day).
    min_interval = 10.0
    page_cap = 5
    searches_terms = True

    def fetch(self, query: SearchQuery, http: Any, result: SourceResult) -> None:
        terms = query.terms[: self.max_pages(query)] or [""]
        for term in terms:
            params = {"limit": RESULTS_LIMIT}
            if term:
                params["search"] = term
            result.add_page(self.parse_page(self.decode(http.get_bytes(API_URL, params=params))))

    def items(self, payload: Any):
        return payload["jobs"]

    def parse_item(self, item: Any) -> SourcePosting:
        if not isinstance(item, dict):
            raise MalformedItem("Remotive item is not an object")
        tags = list(item.get("tags") or [])
        if item.get("category"):
            tags.append(item["category"])
        return build_posting(
            source=self.key,
            raw=item,
            external_id=item.get("id"),
            title=item.get("title"),
            company_name=item.get("company_name"),
            source_url=item.get("url"),
            description_html=item.get("description") or "",
            location_raw=item.get("candidate_required_location") or "",
            remote_flag=True,
            salary_text=item.get("salary") or "",
            default_currency="USD",
            posted_at=item.get("publication_date"),
            employment_type=item.get("job_type"),
            tags=tags,
        )
