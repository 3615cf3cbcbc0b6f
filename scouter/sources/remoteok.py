"""RemoteOK (``GET https://remoteok.com/api``): one call returns the latest remote jobs.

Element 0 is a legal notice, not a job. ``salary_min``/``salary_max`` of 0
mean "not given". Descriptions carry double-encoded UTF-8 and literal "\\n",
repaired by the shared HTML cleaner. The API cannot search, so the local
filter applies the query.
"""

from __future__ import annotations

from typing import Any

from scouter.parsing.salary import salary_from_fields
from scouter.sources.base import JobSource, MalformedItem, SearchQuery, SourcePosting, SourceResult
from scouter.sources.mapping import build_posting

API_URL = "https://remoteok.com/api"


class RemoteOKSource(JobSource):
    key = "remoteok"
    display_name = "RemoteOK"
    # The feed sits behind a one-hour CDN cache: asking more often returns the same list.
    min_interval = 5.0
    page_cap = 1

    def fetch(self, query: SearchQuery, http: Any, result: SourceResult) -> None:
        result.add_page(self.parse_page(self.decode(http.get_bytes(API_URL))))

    def items(self, payload: Any):
        if not isinstance(payload, list):
            raise TypeError("RemoteOK answers with a JSON array")
        return [item for item in payload if not (isinstance(item, dict) and "legal" in item and "position" not in item)]

    def parse_item(self, item: Any) -> SourcePosting:
        if not isinstance(item, dict):
            raise MalformedItem("RemoteOK item is not an object")
        return build_posting(
            source=self.key,
            raw=item,
            external_id=item.get("id"),
            title=item.get("position"),
            company_name=item.get("company"),
            source_url=item.get("url"),
            apply_url=item.get("apply_url"),
            description_html=item.get("description") or "",
            location_raw=item.get("location") or "",
            remote_flag=True,
            salary=salary_from_fields(item.get("salary_min"), item.get("salary_max"), currency="USD"),
            posted_at=item.get("epoch") or item.get("date"),
            tags=item.get("tags") or [],
        )
