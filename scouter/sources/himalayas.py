"""Himalayas (``GET himalayas.app/jobs/api?limit=&offset=``), remote jobs.

Offset paging up to ``totalCount`` or the page cap; no search, so the local
filter applies the query. Dates are epoch seconds; ``minSalary``/``maxSalary``
may be null while ``currency`` still says USD.
"""

from __future__ import annotations

from typing import Any

from scouter.parsing.location import Location, country_code
from scouter.parsing.salary import salary_from_fields
from scouter.sources.base import JobSource, MalformedItem, SearchQuery, SourcePosting, SourceResult
from scouter.sources.mapping import build_posting

API_URL = "https://himalayas.app/jobs/api"
PAGE_SIZE = 20


class HimalayasSource(JobSource):
    key = "himalayas"
    display_name = "Himalayas"
    min_interval = 2.0
    page_cap = 10

    def fetch(self, query: SearchQuery, http: Any, result: SourceResult) -> None:
        for page in range(self.max_pages(query)):
            payload = self.decode(http.get_bytes(API_URL, params={"limit": PAGE_SIZE, "offset": page * PAGE_SIZE}))
            result.add_page(self.parse_page(payload))
            total = payload.get("totalCount") if isinstance(payload, dict) else None
            if not self.items(payload) or (isinstance(total, int) and (page + 1) * PAGE_SIZE >= total):
                break

    def items(self, payload: Any):
        return payload["jobs"]

    def parse_item(self, item: Any) -> SourcePosting:
        if not isinstance(item, dict):
            raise MalformedItem("Himalayas item is not an object")
        restrictions = [r for r in item.get("locationRestrictions") or [] if isinstance(r, str)]
        codes = tuple(dict.fromkeys(c for c in (country_code(r) for r in restrictions) if c))
        location = Location(
            country=codes[0] if len(codes) == 1 else "",
            countries=codes,
            is_remote=True,
            is_anywhere=not restrictions,
            raw=", ".join(restrictions),
        )
        return build_posting(
            source=self.key,
            raw=item,
            external_id=item.get("guid"),
            title=item.get("title"),
            company_name=item.get("companyName"),
            source_url=item.get("guid") or item.get("applicationLink"),
            apply_url=item.get("applicationLink"),
            description_html=item.get("description") or item.get("excerpt") or "",
            location_raw=", ".join(restrictions) or "Anywhere",
            location=location,
            remote_flag=True,
            seniority_hints=list(item.get("seniority") or []),
            salary=salary_from_fields(
                item.get("minSalary"),
                item.get("maxSalary"),
                currency=item.get("currency") or "USD",
                period=item.get("salaryPeriod") or "",
            ),  # fmt: skip
            posted_at=item.get("pubDate"),
            deadline=item.get("expiryDate"),
            employment_type=item.get("employmentType"),
            tags=list(item.get("categories") or []),
        )
