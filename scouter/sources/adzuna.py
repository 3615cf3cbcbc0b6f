"""Adzuna (``GET api.adzuna.com/v1/api/jobs/{country}/search/{page}``), needs an app id and key.

Pages are 1-based in the path, 50 results each; we stop on a short page or the
cap of 10. ``max_days_old`` is the incremental window. The binding limit is
1,000 calls a week, so calls are spaced 2.4 s apart and searches stay small.
Descriptions are ~500-character plain snippets; ``salary_is_predicted`` "1"
marks an estimate.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from typing import Any

from scouter.parsing.location import country_code, normalise_location
from scouter.parsing.salary import salary_from_fields
from scouter.sources.base import JobSource, MalformedItem, SearchQuery, SourcePosting, SourceResult
from scouter.sources.mapping import build_posting

SEARCH_URL = "https://api.adzuna.com/v1/api/jobs/{country}/search/{page}"
PAGE_SIZE = 50
COUNTRY_CURRENCY = {
    "GB": "GBP", "US": "USD", "AT": "EUR", "BE": "EUR", "DE": "EUR", "ES": "EUR", "FR": "EUR", "IT": "EUR",
    "NL": "EUR", "AU": "AUD", "BR": "BRL", "CA": "CAD", "CH": "CHF", "IN": "INR", "MX": "MXN", "NZ": "NZD",
    "PL": "PLN", "SG": "SGD", "ZA": "ZAR",
}  # fmt: skip


def days_window(since: datetime | None, *, now: datetime | None = None, first: int = 7, cap: int = 90) -> int:
    """Days to look back: one more than the whole days since the last poll, ``first`` on a first poll."""
    if since is None:
        return first
    elapsed = ((now or datetime.now(UTC)) - since).total_seconds() / 86400
    return max(1, min(cap, math.ceil(max(elapsed, 0)) + 1))


class AdzunaSource(JobSource):
    key = "adzuna"
    display_name = "Adzuna"
    requires = ("ADZUNA_APP_ID", "ADZUNA_APP_KEY")
    min_interval = 2.4
    page_cap = 10
    searches_terms = True

    @property
    def country(self) -> str:
        return (self.setting("ADZUNA_COUNTRY", "us") or "us").lower()

    def fetch(self, query: SearchQuery, http: Any, result: SourceResult) -> None:
        base = {
            "app_id": self.setting("ADZUNA_APP_ID"),
            "app_key": self.setting("ADZUNA_APP_KEY"),
            "results_per_page": PAGE_SIZE,
            "max_days_old": days_window(query.since),
            "content-type": "application/json",
        }
        if query.location and not query.remote_only:
            base["where"] = query.location
        budget = self.max_pages(query)
        for term in query.terms or [""]:
            params = dict(base)
            words = " ".join(w for w in (term, "remote" if query.remote_only else "") if w)
            if words:
                params["what"] = words
            page = 1
            while budget > 0:
                budget -= 1
                url = SEARCH_URL.format(country=self.country, page=page)
                payload = self.decode(http.get_bytes(url, params=params))
                parsed = self.parse_page(payload)
                result.add_page(parsed)
                if len(self.items(payload)) < PAGE_SIZE:
                    break
                page += 1
            if budget <= 0:
                break

    def items(self, payload: Any):
        return payload["results"]

    def parse_item(self, item: Any) -> SourcePosting:
        if not isinstance(item, dict):
            raise MalformedItem("Adzuna item is not an object")
        place = item.get("location") or {}
        area = [a for a in place.get("area") or [] if isinstance(a, str)]
        country = country_code(area[0]) if area else ""
        location = normalise_location(place.get("display_name") or ", ".join(reversed(area)), country_hint=country)
        salary = salary_from_fields(
            item.get("salary_min"), item.get("salary_max"),
            currency=COUNTRY_CURRENCY.get(country or self.country.upper(), ""),
            period="year", is_estimated=str(item.get("salary_is_predicted")) == "1",
        )  # fmt: skip
        return build_posting(
            source=self.key,
            raw=item,
            external_id=item.get("id"),
            title=item.get("title"),
            company_name=(item.get("company") or {}).get("display_name"),
            source_url=item.get("redirect_url"),
            description_text=item.get("description") or "",
            location_raw=place.get("display_name") or "",
            location=location,
            salary=salary,
            posted_at=item.get("created"),
            employment_type=[item.get("contract_time"), item.get("contract_type")],
            tags=[(item.get("category") or {}).get("label")],
        )
