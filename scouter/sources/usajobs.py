"""USAJobs (``GET data.usajobs.gov/api/Search``), needs a registered e-mail and API key.

Headers carry ``User-Agent: <e-mail>`` and ``Authorization-Key: <key>``.
Pages are 1-based up to ``UserArea.NumberOfPages`` (a string), capped at 20.
``DatePosted`` (0–60 days) is the incremental window. Dates have no zone, pay
ranges are strings, and the long text sits in ``UserArea.Details``.
"""

from __future__ import annotations

import html
from typing import Any

from scouter.parsing.location import normalise_location
from scouter.parsing.salary import salary_from_fields
from scouter.sources.adzuna import days_window
from scouter.sources.base import JobSource, MalformedItem, SearchQuery, SourcePosting, SourceResult
from scouter.sources.mapping import build_posting

SEARCH_URL = "https://data.usajobs.gov/api/Search"
PAGE_SIZE = 100
_TRUE = {"true", "1", "yes"}


class USAJobsSource(JobSource):
    key = "usajobs"
    display_name = "USAJobs"
    requires = ("USAJOBS_USER_AGENT", "USAJOBS_API_KEY")
    min_interval = 1.0
    page_cap = 20
    searches_terms = True

    def fetch(self, query: SearchQuery, http: Any, result: SourceResult) -> None:
        headers = {
            "Host": "data.usajobs.gov",
            "User-Agent": self.setting("USAJOBS_USER_AGENT"),
            "Authorization-Key": self.setting("USAJOBS_API_KEY"),
        }
        base: dict[str, Any] = {"ResultsPerPage": PAGE_SIZE, "DatePosted": days_window(query.since, first=7, cap=60)}
        if query.remote_only:
            base["RemoteIndicator"] = "True"
        elif query.location:
            base["LocationName"] = query.location
        budget = self.max_pages(query)
        for term in query.terms or [""]:
            params = {**base, **({"Keyword": term} if term else {})}
            page = 1
            while budget > 0:
                budget -= 1
                payload = self.decode(http.get_bytes(SEARCH_URL, params={**params, "Page": page}, headers=headers))
                result.add_page(self.parse_page(payload))
                if page >= _number_of_pages(payload) or not self.items(payload):
                    break
                page += 1
            if budget <= 0:
                break

    def items(self, payload: Any):
        return payload["SearchResult"]["SearchResultItems"]

    def parse_item(self, item: Any) -> SourcePosting:
        if not isinstance(item, dict):
            raise MalformedItem("USAJobs item is not an object")
        job = item["MatchedObjectDescriptor"]
        details = ((job.get("UserArea") or {}).get("Details")) or {}
        places = [
            normalise_location(p.get("LocationName") or p.get("CityName"), country_hint=p.get("CountryCode") or "")
            for p in job.get("PositionLocation") or []
            if isinstance(p, dict)
        ]
        pay = next((p for p in job.get("PositionRemuneration") or [] if isinstance(p, dict)), {})
        remote = str(details.get("RemoteIndicator", "")).lower() in _TRUE
        telework = str(details.get("TeleworkEligible", "")).lower() in _TRUE
        apply_urls = job.get("ApplyURI") or []
        return build_posting(
            source=self.key,
            raw=item,
            external_id=item.get("MatchedObjectId") or job.get("PositionID"),
            title=job.get("PositionTitle"),
            company_name=job.get("OrganizationName") or job.get("DepartmentName"),
            source_url=job.get("PositionURI"),
            apply_url=apply_urls[0] if apply_urls else None,
            description_html=_description_html(job, details),
            location_raw=job.get("PositionLocationDisplay") or "",
            location=places[0] if places else None,
            extra_locations=places[1:],
            country_hint="US",
            remote_flag=remote,
            workplace_type="remote" if remote else ("hybrid" if telework else "onsite"),
            salary=salary_from_fields(
                pay.get("MinimumRange"),
                pay.get("MaximumRange"),
                currency="USD",
                period=pay.get("Description") or pay.get("RateIntervalCode"),
            ),  # fmt: skip
            posted_at=job.get("PublicationStartDate"),
            deadline=job.get("ApplicationCloseDate"),
            employment_type=[s.get("Name") for s in job.get("PositionSchedule") or [] if isinstance(s, dict)]
            + [s.get("Name") for s in job.get("PositionOfferingType") or [] if isinstance(s, dict)],
            tags=[job.get("DepartmentName")]
            + [c.get("Name") for c in job.get("JobCategory") or [] if isinstance(c, dict)],
            requirements=_paragraphs(
                job.get("QualificationSummary"), details.get("Requirements"), details.get("Education")
            ),
            culture_text=_paragraphs(details.get("AgencyMarketingStatement"), details.get("Benefits")),
        )


def _number_of_pages(payload: Any) -> int:
    try:
        return int(payload["SearchResult"]["UserArea"]["NumberOfPages"])
    except (KeyError, TypeError, ValueError):
        return 1


def _paragraphs(*texts: object) -> str:
    return "".join(f"<p>{html.escape(str(t))}</p>" for t in texts if t and str(t).strip())


def _description_html(job: dict, details: dict) -> str:
    duties = details.get("MajorDuties") or []
    if isinstance(duties, str):
        duties = [duties]
    sections = [
        ("Summary", _paragraphs(details.get("JobSummary"))),
        (
            "Duties",
            "<ul>" + "".join(f"<li>{html.escape(str(d))}</li>" for d in duties if d) + "</ul>" if duties else "",
        ),
        ("Qualifications", _paragraphs(job.get("QualificationSummary"))),
        ("Requirements", _paragraphs(details.get("Requirements"))),
        ("Education", _paragraphs(details.get("Education"))),
        ("Benefits", _paragraphs(details.get("Benefits"))),
    ]
    return "".join(f"<h3>{title}</h3>{body}" for title, body in sections if body)
