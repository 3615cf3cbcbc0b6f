"""Generic RSS/Atom job feeds (feedparser), and We Work Remotely's feeds on top of it.

Feeds have no search and no paging: each configured feed is one request and
the local filter applies the query. We Work Remotely titles read
"Company: Job title"; its ``region``, ``type`` and ``expires_at`` elements are
kept, and the "Headquarters / URL" header of each description becomes the
company URL.
"""

from __future__ import annotations

import re
from typing import Any

import feedparser

from scouter.sources.base import JobSource, MalformedItem, SearchQuery, SourceError, SourcePosting, SourceResult
from scouter.sources.mapping import build_posting, safe_url

_HEADER = re.compile(r"^\s*(?:<img[^>]*>\s*)?<p>\s*<strong>Headquarters:</strong>.*?</p>", re.IGNORECASE | re.DOTALL)
_HEADER_URL = re.compile(r"<strong>URL:</strong>\s*<a href=\"([^\"]+)\"", re.IGNORECASE)


class RssFeedSource(JobSource):
    key = "rss"
    display_name = "RSS/Atom feeds"
    min_interval = 1.0
    payload_format = "feed"
    boards_env = "SCOUTER_RSS_FEEDS"
    default_feeds: tuple[str, ...] = ()

    def feeds(self, query: SearchQuery) -> list[str]:
        configured = [f.strip() for f in self.setting(self.boards_env).split(",") if f.strip()]
        urls = dict.fromkeys([*self.default_feeds, *configured, *query.tokens_for(self.key)])
        return [u for u in urls if safe_url(u)]

    def is_configured(self, env=None) -> tuple[bool, str]:
        env = self.env if env is None else env
        if self.default_feeds or str(env.get(self.boards_env, "")).strip():
            return True, ""
        return False, f"{self.display_name} is skipped: set {self.boards_env} to feed URLs"

    def fetch(self, query: SearchQuery, http: Any, result: SourceResult) -> None:
        for url in self.feeds(query):
            try:
                result.add_page(self.parse_page(self.decode(http.get_bytes(url))))
            except SourceError as error:
                error.message = f"{error.message} (feed {url[:80]})"
                result.errors.append(error)

    def decode(self, body: bytes) -> Any:
        feed = feedparser.parse(body)
        if feed.get("bozo") and not feed.get("entries"):
            raise SourceError(
                "bad_payload", f"{self.display_name}: not a readable feed ({feed.get('bozo_exception')!r})"
            )
        return feed

    def items(self, payload: Any):
        title = (payload.get("feed") or {}).get("title", "")
        return [(entry, title) for entry in payload["entries"]]

    def parse_item(self, item: Any) -> SourcePosting:
        entry, feed_title = item
        if not hasattr(entry, "get"):
            raise MalformedItem("feed entry is not a mapping")
        body = _entry_html(entry)
        return build_posting(
            source=self.key,
            raw=_raw(entry),
            external_id=entry.get("id") or entry.get("link"),
            title=entry.get("title"),
            company_name=entry.get("author") or feed_title,
            source_url=entry.get("link"),
            description_html=body,
            posted_at=entry.get("published") or entry.get("updated"),
            tags=[t.get("term") for t in entry.get("tags") or [] if hasattr(t, "get")],
        )


class WeWorkRemotelySource(RssFeedSource):
    key = "weworkremotely"
    display_name = "We Work Remotely"
    boards_env = "SCOUTER_WWR_FEEDS"
    default_feeds = ("https://weworkremotely.com/remote-jobs.rss",)

    def parse_item(self, item: Any) -> SourcePosting:
        entry, _ = item
        if not hasattr(entry, "get"):
            raise MalformedItem("feed entry is not a mapping")
        heading = str(entry.get("title") or "")
        company, _, title = heading.partition(": ")
        if not title:
            raise MalformedItem(f"We Work Remotely title without 'Company: ' prefix: {heading[:80]!r}")
        body = _entry_html(entry)
        header_url = _HEADER_URL.search(body[:2000])
        skills = [s.strip() for s in str(entry.get("skills") or "").split(",")]
        return build_posting(
            source=self.key,
            raw=_raw(entry),
            external_id=entry.get("id") or entry.get("link"),
            title=title,
            company_name=company,
            source_url=entry.get("link"),
            company_url=header_url.group(1) if header_url else None,
            description_html=_HEADER.sub("", body, count=1),
            location_raw=entry.get("region") or entry.get("country") or "",
            remote_flag=True,
            posted_at=entry.get("published"),
            deadline=entry.get("expires_at"),
            employment_type=entry.get("type"),
            tags=[t.get("term") for t in entry.get("tags") or [] if hasattr(t, "get")] + skills,
        )


def _entry_html(entry: Any) -> str:
    contents = entry.get("content") or []
    if contents and hasattr(contents[0], "get") and contents[0].get("value"):
        return contents[0]["value"]
    return entry.get("summary") or entry.get("description") or ""


def _raw(entry: Any) -> dict[str, Any]:
    """The entry as plain JSON-safe data (feedparser adds struct_time values)."""
    return {
        key: value
        for key, value in dict(entry).items()
        if not key.endswith("_parsed") and isinstance(value, str | int | float | bool | list | dict)
    }
