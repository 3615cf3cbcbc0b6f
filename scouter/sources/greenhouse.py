"""Greenhouse job boards (``GET boards-api.greenhouse.io/v1/boards/{token}/jobs?content=true``).

No key and no paging: the whole board comes back at once. ``content`` is
entity-escaped HTML. Salary only appears structured in ``metadata`` (a
``currency_range``, or "Range Lower"/"Range Upper" ``currency`` pairs);
otherwise it is looked for in the description.
"""

from __future__ import annotations

from typing import Any

from scouter.parsing.location import normalise_location
from scouter.parsing.salary import Salary, salary_from_fields
from scouter.sources.base import JobSource, MalformedItem, SearchQuery, SourcePosting, SourceResult
from scouter.sources.mapping import build_posting

BOARD_URL = "https://boards-api.greenhouse.io/v1/boards/{token}/jobs"


class GreenhouseSource(JobSource):
    key = "greenhouse"
    display_name = "Greenhouse"
    min_interval = 1.0
    boards_env = "SCOUTER_GREENHOUSE_BOARDS"

    def is_configured(self, env=None) -> tuple[bool, str]:
        return True, ""

    def fetch(self, query: SearchQuery, http: Any, result: SourceResult) -> None:
        self.fetch_boards(query, http, result, lambda token: (BOARD_URL.format(token=token), {"content": "true"}))

    def items(self, payload: Any):
        return payload["jobs"]

    def parse_item(self, item: Any) -> SourcePosting:
        if not isinstance(item, dict):
            raise MalformedItem("Greenhouse item is not an object")
        metadata = [m for m in item.get("metadata") or [] if isinstance(m, dict)]
        offices = [o for o in item.get("offices") or [] if isinstance(o, dict)]
        office_place = next((normalise_location(o["location"]) for o in offices if o.get("location")), None)
        location_name = (item.get("location") or {}).get("name") or ""
        tags = [d.get("name") for d in item.get("departments") or [] if isinstance(d, dict)]
        return build_posting(
            source=self.key,
            raw=item,
            external_id=item.get("id"),
            title=item.get("title"),
            company_name=item.get("company_name") or "",
            source_url=item.get("absolute_url"),
            description_html=item.get("content") or "",
            location_raw=location_name,
            country_hint=office_place.country if office_place else _metadata_text(metadata, "country"),
            remote_flag=_metadata_flag(metadata, "remote"),
            salary=_metadata_salary(metadata),
            posted_at=item.get("first_published") or item.get("updated_at"),
            deadline=item.get("application_deadline"),
            employment_type=[_metadata_text(metadata, "type"), item.get("employment")],
            tags=tags,
        )


def _metadata_text(metadata: list[dict], word: str) -> str:
    for entry in metadata:
        if word in str(entry.get("name", "")).lower() and isinstance(entry.get("value"), str):
            return entry["value"]
    return ""


def _metadata_flag(metadata: list[dict], word: str) -> bool | None:
    for entry in metadata:
        if entry.get("value_type") == "yes_no" and word in str(entry.get("name", "")).lower():
            value = entry.get("value")
            return value if isinstance(value, bool) else None
    return None


def _metadata_salary(metadata: list[dict]) -> Salary | None:
    for entry in metadata:
        value = entry.get("value")
        if entry.get("value_type") == "currency_range" and isinstance(value, dict):
            salary = salary_from_fields(
                value.get("min_value"), value.get("max_value"), currency=value.get("unit"),
                period="hour" if "hourly" in str(entry.get("name", "")).lower() else "",
            )  # fmt: skip
            if salary:
                return salary
    lows = _currency_values(metadata, ("lower", "min"))
    highs = _currency_values(metadata, ("upper", "max"))
    for (low_name, low), (_, high) in zip(lows, highs, strict=False):
        salary = salary_from_fields(
            low.get("amount"), high.get("amount"), currency=low.get("unit") or high.get("unit"),
            period="hour" if "hourly" in low_name else "",
        )  # fmt: skip
        if salary and salary.currency:
            return salary
    return None


def _currency_values(metadata: list[dict], words: tuple[str, ...]) -> list[tuple[str, dict]]:
    found = []
    for entry in metadata:
        name = str(entry.get("name", "")).lower()
        if (
            entry.get("value_type") == "currency"
            and isinstance(entry.get("value"), dict)
            and any(w in name for w in words)
        ):
            found.append((name, entry["value"]))
    return found
