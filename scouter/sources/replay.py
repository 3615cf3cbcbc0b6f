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

from scouter.sources.base import JobSource, SearchQuery, SourceError, SourceResult
from scouter.sources.filters import matches_query

logger = logging.getLogger(__name__)

DEFAULT_REPLAY_DIR = Path(__file__).resolve().parent.parent / "replay_data"
PAYLOAD_SUFFIXES = {".json", ".rss", ".xml", ".atom"}
MAX_FILE_BYTES = 20 * 1024 * 1024


class ReplaySource(JobSource):
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
        """Every recorded posting that answers the query; unreadable files are recorded as errors."""
        from scouter.sources.registry import get_source

        result = SourceResult(source=self.key)
        configured, reason = self.is_configured()
        if not configured:
            result.skipped_reason = reason
            return result
        adapters: dict[str, JobSource] = {}
        for key, path in self.recordings():
            adapter = adapters.setdefault(key, get_source(key, env=self.env))
            try:
                if path.stat().st_size > MAX_FILE_BYTES:
                    raise SourceError("bad_payload", f"{path.name} is larger than {MAX_FILE_BYTES} bytes")
                page = adapter.parse_page(adapter.decode(path.read_bytes()))
            except SourceError as error:
                error.message = f"{error.message} ({key}/{path.name})"
                result.errors.append(error)
                continue
            page.postings = [p for p in page.postings if matches_query(p, query)]
            result.add_page(page)
        return result

    def fetch(
        self, query: SearchQuery, http: Any, result: SourceResult
    ) -> None:  # pragma: no cover - search is overridden
        raise NotImplementedError
