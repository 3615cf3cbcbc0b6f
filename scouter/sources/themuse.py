"""The Muse (``GET www.themuse.com/api/public/jobs?page=N``), 0-based pages of 20.

The key is optional: 500 requests an hour without it, 3,600 with
``THEMUSE_API_KEY``. The API filters by location and level but not by text, so
titles are matched locally. Paging stops at ``page_count`` or the page cap.
"""

from __future__ import annotations

from typing import Any

from scouter.parsing.location import normalise_location
from scouter.sources.base import JobSource, MalformedItem, SearchQuery, SourcePosting, SourceResult
from scouter.sources.mapping import build_posting

API_URL = "https://www.themuse.com/api/public/jobs"


class TheMuseSource(JobSource):
    key = "themuse"
    display_name = "The Muse"
    min_interval = 7.2  # 500 requests an hour without a key
    page_cap = 20

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if self.setting("THEMUSE_API_KEY"):
            self.throttle.interval = 1.0  # 3,600 requests an hour with a key

    def fetch(self, query: SearchQuery, http: Any, result: SourceResult) -> None:
        params: dict[str, Any] = {"descending": "true"}
        if self.setting("THEMUSE_API_KEY"):
            params["api_key"] = self.setting("THEMUSE_API_KEY")
        if query.remote_only:
            params["location"] = "Flexible / Remote"
        elif query.location:
            params["location"] = query.location
        for page in range(self.max_pages(query)):
            payload = self.decode(http.get_bytes(API_URL, params={**params, "page": page}))
            result.add_page(self.parse_page(payload))
            page_count = payload.get("page_count") if isinstance(payload, dict) else None
            if not self.items(payload) or (isinstance(page_count, int) and page + 1 >= page_count):
                break

    def items(self, payload: Any):
        # Saved copies are bare arrays of results; the live answer wraps them.
        return payload if isinstance(payload, list) else payload["results"]

    def parse_item(self, item: Any) -> SourcePosting:
        if not isinstance(item, dict):
            raise MalformedItem("The Muse item is not an object")
        locations = [
            loc.get("name") for loc in item.get("locations") or [] if isinstance(loc, dict) and loc.get("name")
        ]
        places = [normalise_location(name) for name in locations]
        only_remote = bool(places) and all(p.is_remote for p in places)
        primary_index = next((i for i, p in enumerate(places) if not p.is_remote), 0)
        return build_posting(
            source=self.key,
            raw=item,
            external_id=item.get("id"),
            title=item.get("name"),
            company_name=(item.get("company") or {}).get("name"),
            source_url=(item.get("refs") or {}).get("landing_page"),
            description_html=item.get("contents") or "",
            location_raw=locations[primary_index] if locations else "",
            extra_locations=[p for i, p in enumerate(places) if i != primary_index],
            remote_flag=True if only_remote else None,
            workplace_type="remote" if only_remote else None,
            seniority_hints=[level.get("name") for level in item.get("levels") or [] if isinstance(level, dict)],
            posted_at=item.get("publication_date"),
            tags=[c.get("name") for c in item.get("categories") or [] if isinstance(c, dict)]
            + list(item.get("tags") or []),
        )
