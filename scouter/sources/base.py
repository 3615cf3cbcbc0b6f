"""The interface every job source implements, and the records it returns.

A source turns a ``SearchQuery`` into a ``SourceResult`` of ``SourcePosting``
rows. Nothing here touches the ORM: the scouting run hands postings to the
pool's intake service.
"""

from __future__ import annotations

import logging
import os
import re
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, ClassVar, Literal

import httpx

from scouter.parsing.location import Location

logger = logging.getLogger(__name__)

_BOARD_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")

ErrorKind = Literal["rate_limited", "down", "timeout", "network", "bad_payload"]
ERROR_KINDS: tuple[str, ...] = ("rate_limited", "down", "timeout", "network", "bad_payload")


@dataclass
class SourcePosting:
    """One posting as a board described it, normalised to our vocabulary."""

    source: str
    external_id: str | None
    title: str
    company_name: str
    source_url: str | None
    company_url: str | None = None
    location_raw: str = ""
    location: Location = field(default_factory=Location)
    extra_locations: list[Location] = field(default_factory=list)
    work_model: str = "unknown"  # remote | hybrid | onsite | unknown
    seniority: str = ""  # entry | mid | senior | lead | executive | ""
    salary_min: Decimal | None = None
    salary_max: Decimal | None = None
    salary_currency: str = ""  # ISO 4217
    salary_period: str = ""  # year | month | week | day | hour | ""
    salary_is_estimated: bool = False  # Adzuna's predicted salaries
    description_html: str = ""
    description_text: str = ""
    requirements: str = ""
    culture_text: str = ""
    years_min: int | None = None
    years_max: int | None = None
    posted_at: datetime | None = None  # aware, UTC
    deadline: date | None = None
    apply_url: str | None = None
    employment_type: str = ""  # full_time | part_time | contract | temporary | internship | freelance | volunteer
    tags: list[str] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def is_remote(self) -> bool:
        return self.work_model == "remote"


@dataclass(frozen=True)
class SearchQuery:
    """What one search asks of every source; each applies what its API supports."""

    keywords: tuple[str, ...] | list[str] = ()
    titles: tuple[str, ...] | list[str] = ()
    location: str | None = None
    remote_only: bool = False
    since: datetime | None = None
    max_pages: int = 5
    # Company boards to read, per source key: {"greenhouse": ["stripe"], "lever": ["palantir"]}.
    board_tokens: Mapping[str, tuple[str, ...] | list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.since is not None and self.since.utcoffset() is None:
            raise ValueError("SearchQuery.since must be timezone-aware")
        if self.max_pages < 1:
            raise ValueError("SearchQuery.max_pages must be at least 1")

    def tokens_for(self, source_key: str) -> list[str]:
        return [t.strip() for t in self.board_tokens.get(source_key, ()) if t and t.strip()]

    @property
    def terms(self) -> list[str]:
        """Titles first, then keywords, without duplicates (case-insensitive)."""
        seen: dict[str, str] = {}
        for term in [*self.titles, *self.keywords]:
            cleaned = " ".join(str(term).split())
            if cleaned and cleaned.lower() not in seen:
                seen[cleaned.lower()] = cleaned
        return list(seen.values())


@dataclass(eq=True)
class SourceError(Exception):
    """A classified failure of one source; raised by the HTTP layer, collected in results."""

    kind: str  # one of ERROR_KINDS
    message: str
    status: int | None = None
    retry_after: float | None = None

    def __post_init__(self) -> None:
        if self.kind not in ERROR_KINDS:
            raise ValueError(f"unknown source error kind {self.kind!r}")
        super().__init__(self.message)

    def __str__(self) -> str:
        status = f" (HTTP {self.status})" if self.status else ""
        return f"{self.kind}: {self.message}{status}"

    __hash__ = Exception.__hash__


class MalformedItem(ValueError):
    """One item in a payload cannot become a posting; it is skipped and counted."""


@dataclass
class ParsedPage:
    postings: list[SourcePosting] = field(default_factory=list)
    skipped: int = 0


@dataclass
class SourceResult:
    source: str
    postings: list[SourcePosting] = field(default_factory=list)
    pages_fetched: int = 0
    skipped_items: int = 0
    errors: list[SourceError] = field(default_factory=list)
    skipped_reason: str = ""  # set when the source was not run (missing keys)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.skipped_reason

    @property
    def outcome(self) -> str:
        """For source health: "skipped", "ok", "partial" (errors but some pages) or "failed"."""
        if self.skipped_reason:
            return "skipped"
        if not self.errors:
            return "ok"
        return "partial" if self.pages_fetched else "failed"

    def error_counts(self) -> dict[str, int]:
        """How many errors of each kind, every kind present (zeros included)."""
        counts = dict.fromkeys(ERROR_KINDS, 0)
        for error in self.errors:
            counts[error.kind] += 1
        return counts

    def add_page(self, page: ParsedPage) -> None:
        self.pages_fetched += 1
        self.skipped_items += page.skipped
        known = {(p.source, p.external_id) for p in self.postings if p.external_id}
        for posting in page.postings:
            key = (posting.source, posting.external_id)
            if posting.external_id and key in known:
                continue
            known.add(key)
            self.postings.append(posting)


class JobSource(ABC):
    """Base class of every adapter.

    Subclasses set ``key``, ``display_name``, ``requires`` and ``min_interval``
    (seconds between two requests, from the board's published limits), and
    implement ``items(payload)`` + ``parse_item(item)`` for parsing and
    ``fetch(query, http, result)`` for the requests.
    """

    key: ClassVar[str] = ""
    display_name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    min_interval: ClassVar[float] = 1.0
    page_cap: ClassVar[int] = 10
    payload_format: ClassVar[str] = "json"  # json | feed
    # True when the API already matched the query's terms (Adzuna, USAJobs, Remotive):
    # the local filter then only applies location, remote-only and the since window.
    searches_terms: ClassVar[bool] = False

    def __init__(
        self,
        *,
        env: Mapping[str, str] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.env: Mapping[str, str] = os.environ if env is None else env
        self.sleep = sleep
        self.clock = clock
        from scouter.sources.http import Throttle

        self.throttle = Throttle(self.min_interval, sleep=sleep, clock=clock)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.key}>"

    # configuration -----------------------------------------------------
    def is_configured(self, env: Mapping[str, str] | None = None) -> tuple[bool, str]:
        """(True, "") when every required variable is set, else (False, reason)."""
        env = self.env if env is None else env
        missing = [name for name in self.requires if not str(env.get(name, "")).strip()]
        if missing:
            return False, f"{self.display_name} is skipped: set {', '.join(missing)}"
        return True, ""

    def setting(self, name: str, default: str = "") -> str:
        return str(self.env.get(name, default) or default).strip()

    # searching ---------------------------------------------------------
    def search(self, query: SearchQuery, client: httpx.Client) -> SourceResult:
        """Fetch pages for the query within the page caps; errors end the search and are recorded."""
        from scouter.sources.filters import matches_query
        from scouter.sources.http import SourceHttp

        result = SourceResult(source=self.key)
        configured, reason = self.is_configured()
        if not configured:
            result.skipped_reason = reason
            return result
        http = SourceHttp(client, source_key=self.key, throttle=self.throttle, sleep=self.sleep)
        try:
            self.fetch(query, http, result)
        except SourceError as error:
            logger.warning("source %s failed: %s", self.key, error)
            result.errors.append(error)
        result.postings = [p for p in result.postings if matches_query(p, query, check_terms=not self.searches_terms)]
        return result

    @abstractmethod
    def fetch(self, query: SearchQuery, http: Any, result: SourceResult) -> None:
        """Request the pages the query needs and add each parsed page to ``result``."""

    # Company boards: operators list default tokens in this variable (comma-separated);
    # a query adds its own through ``board_tokens[key]``.
    boards_env: ClassVar[str] = ""

    def boards(self, query: SearchQuery) -> list[str]:
        """Valid board tokens / company slugs for this source, operator defaults first."""
        configured = [t.strip() for t in self.setting(self.boards_env).split(",")] if self.boards_env else []
        tokens = dict.fromkeys(t for t in [*configured, *query.tokens_for(self.key)] if t)
        valid = [t for t in tokens if _BOARD_TOKEN.fullmatch(t)]
        for token in tokens:
            if token not in valid:
                logger.warning("source %s ignores invalid board token %r", self.key, token[:80])
        return valid

    def fetch_boards(
        self, query: SearchQuery, http: Any, result: SourceResult, request_for: Callable[[str], tuple[str, dict]]
    ) -> None:
        """One request per board token; a failing board is recorded and the others still run."""
        for token in self.boards(query):
            url, params = request_for(token)
            try:
                result.add_page(self.parse_page(self.decode(http.get_bytes(url, params=params))))
            except SourceError as error:
                error.message = f"{error.message} (board {token})"
                result.errors.append(error)

    def max_pages(self, query: SearchQuery) -> int:
        return max(1, min(query.max_pages, self.page_cap))

    # parsing -----------------------------------------------------------
    def decode(self, body: bytes) -> Any:
        """The payload object from raw response bytes (BOM tolerated)."""
        import json

        try:
            return json.loads(body.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise SourceError("bad_payload", f"{self.display_name} sent invalid JSON: {exc}") from exc

    @abstractmethod
    def items(self, payload: Any) -> Iterable[Any]:
        """The raw items of one payload; raises KeyError/TypeError on a wrong envelope."""

    @abstractmethod
    def parse_item(self, item: Any) -> SourcePosting:
        """One posting from one raw item; raises MalformedItem (or KeyError/TypeError) when unusable."""

    def parse_page(self, payload: Any) -> ParsedPage:
        """Every well-formed item of one payload; malformed ones are skipped and counted."""
        page = ParsedPage()
        try:
            items = list(self.items(payload))
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            raise SourceError("bad_payload", f"{self.display_name} payload has an unexpected shape: {exc!r}") from exc
        for item in items:
            try:
                page.postings.append(self.parse_item(item))
            except (MalformedItem, KeyError, TypeError, AttributeError, ValueError, ArithmeticError) as exc:
                page.skipped += 1
                logger.info("source %s skipped an item: %r", self.key, exc)
        return page
