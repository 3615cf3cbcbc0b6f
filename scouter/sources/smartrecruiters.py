"""SmartRecruiters (``GET api.smartrecruiters.com/v1/companies/{id}/postings``), no key.

The list pages (offset/limit) carry no description, so for each list item
that matches the query's titles/keywords we read its detail (``ref``), capped
per company. ``parse_page`` reads both shapes: a list page and one detail.
"""

from __future__ import annotations

import html
from typing import Any
from urllib.parse import urlsplit

from scouter.parsing.location import location_from_parts
from scouter.parsing.salary import parse_salary_text, salary_from_fields
from scouter.sources.base import JobSource, MalformedItem, SearchQuery, SourceError, SourcePosting, SourceResult
from scouter.sources.filters import matches_terms
from scouter.sources.mapping import build_posting, safe_url

LIST_URL = "https://api.smartrecruiters.com/v1/companies/{company}/postings"
PAGE_SIZE = 100
DETAILS_PER_COMPANY = 30
_SECTIONS = ("companyDescription", "jobDescription", "qualifications", "additionalInformation")


class SmartRecruitersSource(JobSource):
    key = "smartrecruiters"
    display_name = "SmartRecruiters"
    min_interval = 1.0
    page_cap = 5
    boards_env = "SCOUTER_SMARTRECRUITERS_COMPANIES"

    def is_configured(self, env=None) -> tuple[bool, str]:
        return True, ""

    def fetch(self, query: SearchQuery, http: Any, result: SourceResult) -> None:
        for company in self.boards(query):
            try:
                self._fetch_company(company, query, http, result)
            except SourceError as error:
                error.message = f"{error.message} (company {company})"
                result.errors.append(error)

    def _fetch_company(self, company: str, query: SearchQuery, http: Any, result: SourceResult) -> None:
        summaries: list[SourcePosting] = []
        for page in range(self.max_pages(query)):
            params = {"offset": page * PAGE_SIZE, "limit": PAGE_SIZE}
            payload = self.decode(http.get_bytes(LIST_URL.format(company=company), params=params))
            parsed = self.parse_page(payload)
            result.pages_fetched += 1
            result.skipped_items += parsed.skipped
            summaries.extend(parsed.postings)
            if (page + 1) * PAGE_SIZE >= int(payload.get("totalFound") or 0):
                break
        wanted = [s for s in summaries if matches_terms(s, query)][:DETAILS_PER_COMPANY]
        for summary in wanted:
            ref = summary.raw.get("ref") or ""
            if safe_url(ref) is None or urlsplit(ref).hostname != "api.smartrecruiters.com":
                result.postings.append(summary)
                continue
            result.add_page(self.parse_page(self.decode(http.get_bytes(ref))))

    def items(self, payload: Any):
        if isinstance(payload, dict) and "content" in payload:
            return payload["content"]
        if isinstance(payload, dict) and payload.get("id") and payload.get("name"):
            return [payload]
        raise TypeError("neither a SmartRecruiters posting list nor a posting")

    def parse_item(self, item: Any) -> SourcePosting:
        if not isinstance(item, dict):
            raise MalformedItem("SmartRecruiters item is not an object")
        company = item.get("company") or {}
        place = item.get("location") or {}
        location = location_from_parts(
            place.get("city"), place.get("region"), place.get("country"), is_remote=bool(place.get("remote"))
        )
        identifier = company.get("identifier") or ""
        posting_url = item.get("postingUrl") or (
            f"https://jobs.smartrecruiters.com/{identifier}/{item.get('id')}" if identifier and item.get("id") else None
        )
        compensation = item.get("compensation") or {}
        salary = salary_from_fields(
            compensation.get("min"), compensation.get("max"),
            currency=compensation.get("currency"), period=compensation.get("period"),
        )  # fmt: skip
        if salary is None:
            range_field = next(
                (f for f in item.get("customField") or [] if "salary" in str(f.get("fieldLabel", "")).lower()), None
            )
            salary = parse_salary_text(f"USD {range_field.get('valueLabel')}") if range_field else None
        sections = ((item.get("jobAd") or {}).get("sections")) or {}
        return build_posting(
            source=self.key,
            raw=item,
            external_id=item.get("id"),
            title=item.get("name"),
            company_name=company.get("name"),
            source_url=posting_url,
            apply_url=item.get("applyUrl"),
            description_html=_sections_html(sections),
            location_raw=place.get("fullLocation") or location.raw,
            location=location,
            remote_flag=bool(place.get("remote")),
            workplace_type="hybrid" if place.get("hybrid") else ("remote" if place.get("remote") else None),
            seniority_hints=[
                (item.get("experienceLevel") or {}).get("label") or "",
                (item.get("experienceLevel") or {}).get("id") or "",
            ],
            salary=salary,
            posted_at=item.get("releasedDate"),
            employment_type=[
                (item.get("typeOfEmployment") or {}).get("label"),
                (item.get("typeOfEmployment") or {}).get("id"),
            ],
            tags=[(item.get("function") or {}).get("label"), (item.get("industry") or {}).get("label")],
            requirements=(sections.get("qualifications") or {}).get("text") or "",
            culture_text=(sections.get("companyDescription") or {}).get("text") or "",
        )


def _sections_html(sections: dict) -> str:
    parts = []
    for name in _SECTIONS:
        section = sections.get(name) or {}
        if isinstance(section, dict) and section.get("text"):
            parts.append(f"<h3>{html.escape(str(section.get('title') or ''))}</h3>{section['text']}")
    return "".join(parts)
