"""Run several sources for one query, each isolated from the others' failures."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor

import httpx

from scouter.sources.base import JobSource, SearchQuery, SourceError, SourceResult
from scouter.sources.http import make_client

logger = logging.getLogger(__name__)


def run_source(source: JobSource, query: SearchQuery, client: httpx.Client) -> SourceResult:
    """One source's result; any failure, even a bug in an adapter, becomes a recorded error."""
    try:
        return source.search(query, client)
    except SourceError as error:
        return SourceResult(source=source.key, errors=[error])
    except Exception as exc:  # noqa: BLE001 - one broken adapter must not stop the others
        logger.exception("source %s crashed", source.key)
        return SourceResult(
            source=source.key, errors=[SourceError("bad_payload", f"{type(exc).__name__}: {exc}"[:500])]
        )


def fetch_all(
    sources: Iterable[JobSource],
    query: SearchQuery,
    *,
    client: httpx.Client | None = None,
    max_workers: int = 4,
) -> dict[str, SourceResult]:
    """Results by source key, in the order given. Sources run concurrently (I/O bound),
    each with its own pacing; one source failing never stops the others."""
    source_list = list(sources)
    own_client = client is None
    http_client = client or make_client()
    try:
        if max_workers <= 1 or len(source_list) <= 1:
            results = [run_source(s, query, http_client) for s in source_list]
        else:
            with ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="scout") as pool:
                results = list(pool.map(lambda s: run_source(s, query, http_client), source_list))
    finally:
        if own_client:
            http_client.close()
    return {result.source: result for result in results}


def fetch_enabled(
    query: SearchQuery,
    *,
    env: Mapping[str, str] | None = None,
    client: httpx.Client | None = None,
    max_workers: int = 4,
) -> tuple[dict[str, SourceResult], list[tuple[str, str]]]:
    """Run every source the environment enables (``SCOUTER_SOURCES`` or all with keys).

    Returns the results by key and the skipped sources with their reasons.
    """
    from scouter.sources.registry import enabled_sources

    sources, skipped = enabled_sources(env)
    return fetch_all(sources, query, client=client, max_workers=max_workers), skipped
