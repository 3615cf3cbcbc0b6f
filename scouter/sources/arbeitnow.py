"""Arbeitnow (``GET www.arbeitnow.com/api/job-board-api?page=N``), mostly German jobs.

Paging follows ``links.next`` (null at the end) up to the page cap; no key,
no search, so the local filter applies the query. ``created_at`` is epoch
seconds and ``remote`` a boolean.
"""

from __future__ import annotations

from typing import Any

from scouter.sources.base import JobSource, MalformedItem, SearchQuery, SourcePosting, SourceResult
from scouter.sources.mapping import build_posting, safe_url

API_URL = "https://www.arbeitnow.com/api/job-board-api"


class ArbeitnowSource(JobSource):
    key = "arbeitnow"
    display_name = "Arbeitnow"
    min_interval = 2.0
    page_cap = 5

    def fetch(self, query: SearchQuery, http: Any, result: SourceResult) -> None:
        url: str | None = API_URL
        params: dict[str, Any] | None = {"page": 1}
        for _ in range(self.max_pages(query)):
            if url is None:
                break
            payload = self.decode(http.get_bytes(url, params=params))
            result.add_page(self.parse_page(payload))
            next_link = (payload.get("links") or {}).get("next") if isinstance(payload, dict) else None
            url, params = safe_url(next_link), None

    def items(self, payload: Any):
        return payload["data"]

    def parse_item(self, item: Any) -> SourcePosting:
        if not isinstance(item, dict):
            raise MalformedItem("Arbeitnow item is not an object")
        return build_posting(
            source=self.key,
            raw=item,
            external_id=item.get("slug"),
            title=item.get("title"),
            company_name=item.get("company_name"),
            source_url=item.get("url"),
            description_html=item.get("description") or "",
            location_raw=item.get("location") or "",
            remote_flag=item.get("remote") if isinstance(item.get("remote"), bool) else None,
            posted_at=item.get("created_at"),
            employment_type=list(item.get("job_types") or []),
            default_currency="EUR",
            tags=list(item.get("tags") or []),
        )
