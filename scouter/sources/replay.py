"""Replay: scouting from recorded payloads instead of the network.

``SCOUTER_REPLAY_DIR`` names a folder laid out as ``<dir>/<source_key>/*.json``
(or ``*.rss`` / ``*.xml`` for feeds). Each file goes through that source's own
``decode`` and ``parse_page``, so replayed postings are exactly what the live
adapter would have produced, under the live source's key. The query's terms,
place, remote wish and since window are then applied by the local filter.
Unset, the folder shipped with the app (``scouter/replay_data``) is used.

This is how the demo, the end-to-end tests and anyone offline can scout.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import httpx

from scouter.sources.base import JobSource, ParsedPage, SearchQuery, SourceError, SourcePosting, SourceResult

logger = logging.getLogger(__name__)

DEFAULT_REPLAY_DIR = Path(__file__).resolve().parent.parent / "replay_data"
PAYLOAD_SUFFIXES = {".json", ".rss", ".xml", ".atom"}
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_CACHED_FILES = 256
_PARSED: dict[tuple[str, str, int, int], ParsedPage] = {}


class ReplaySource(JobSource):
    """A source whose "pages" are recording files; its payload is ``(source_key, bytes)``."""

    key = "replay"
    display_name = "Recorded payloads (replay)"
    min_interval = 0.0

    @property
    def directory(self) -> Path:
        configured = self.setting("SCOUTER_REPLAY_DIR")
        return Path(configured).expanduser() if configured else DEFAULT_REPLAY_DIR

    def is_configured(self, env=None) -> tuple[bool, str]:
        if not self.directory.is_dir():
            return False, f"{self.display_name} is skipped: {self.directory} is not a folder (SCOUTER_REPLAY_DIR)"
        return True, ""

    def recordings(self) -> list[tuple[str, Path]]:
        """(source key, file) for every recorded payload, in a stable order."""
        from scouter.sources.registry import LIVE_SOURCES

        found = []
        for folder in sorted(p for p in self.directory.iterdir() if p.is_dir()):
            if folder.name not in LIVE_SOURCES:
                logger.warning("replay ignores %s: no source has the key %r", folder, folder.name)
                continue
            for path in sorted(folder.iterdir()):
                if path.is_file() and path.suffix.lower() in PAYLOAD_SUFFIXES:
                    found.append((folder.name, path))
        return found

    def search(self, query: SearchQuery, client: httpx.Client | None = None) -> SourceResult:
        """Every recorded posting that answers the query; unreadable files are recorded as errors.

        ``client`` is accepted for the common signature and never used: nothing leaves the machine.
        """
        from scouter.sources.filters import matches_query

        result = SourceResult(source=self.key)
        configured, reason = self.is_configured()
        if not configured:
            result.skipped_reason = reason
            return result
        self.fetch(query, None, result)
        result.postings = [p for p in result.postings if matches_query(p, query)]
        return result

    def fetch(self, query: SearchQuery, http: Any, result: SourceResult) -> None:
        for key, path in self.recordings():
            try:
                result.add_page(self.parsed_file(key, path))
            except SourceError as error:
                error.message = f"{error.message} ({key}/{path.name})"
                result.errors.append(error)

    def parsed_file(self, key: str, path: Path) -> ParsedPage:
        """One recording parsed by its adapter, remembered per process while the file is unchanged.

        A scouting run searches once per search-profile entry; parsing the
        recordings once instead of once per search keeps replay runs fast.
        The cached postings are shared: callers must not mutate them.
        """
        stat = path.stat()
        if stat.st_size > MAX_FILE_BYTES:
            raise SourceError("bad_payload", f"{path.name} is larger than {MAX_FILE_BYTES} bytes")
        cache_key = (key, str(path.resolve()), stat.st_mtime_ns, stat.st_size)
        page = _PARSED.get(cache_key)
        if page is None:
            page = self.parse_page((key, path.read_bytes()))
            if len(_PARSED) >= MAX_CACHED_FILES:
                _PARSED.clear()
            _PARSED[cache_key] = page
        return page

    def adapter(self, key: str) -> JobSource:
        from scouter.sources.registry import get_source

        cache = self.__dict__.setdefault("_adapters", {})
        if key not in cache:
            cache[key] = get_source(key, env=self.env)
        return cache[key]

    def parse_page(self, payload: Any):
        """A recording through its own source's decode and parse_page (skips counted there)."""
        key, body = payload
        adapter = self.adapter(key)
        return adapter.parse_page(adapter.decode(body))

    def items(self, payload: Any) -> list[SourcePosting]:
        return self.parse_page(payload).postings

    def parse_item(self, item: Any) -> SourcePosting:
        return item
