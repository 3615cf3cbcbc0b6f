"""Fixtures for source tests: the recorded payloads in shared/fixtures/job_sources.

The recordings live beside the clone (``<root>/../shared/fixtures``), the same
layout on a developer machine and in CI. A missing folder fails loudly: these
tests must never pass by skipping.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
import respx

from scouter.sources.registry import get_source

REPO_ROOT = Path(__file__).resolve().parents[2]
JOB_SOURCES = REPO_ROOT.parent / "shared" / "fixtures" / "job_sources"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    if not JOB_SOURCES.is_dir():
        pytest.fail(
            f"Recorded job-board payloads not found at {JOB_SOURCES}. "
            "The shared/ folder must sit beside the repository clone (shared/fixtures/job_sources)."
        )
    return JOB_SOURCES


@pytest.fixture(scope="session")
def recording(fixtures_dir):
    """recording("remoteok/remoteok_api_2026-03-16.json") -> the file's bytes."""

    def read(relative: str) -> bytes:
        path = fixtures_dir / relative
        if not path.is_file():
            pytest.fail(f"Recorded payload missing: {path}")
        return path.read_bytes()

    return read


@pytest.fixture(scope="session")
def parse_recording(recording):
    """parse_recording("lever", "lever/...json") -> ParsedPage through the adapter's own decode + parse_page.

    Parsed once per session and shared: tests must not mutate the postings.
    """
    cache: dict[tuple[str, str], object] = {}

    def parse(source_key: str, relative: str):
        if (source_key, relative) not in cache:
            source = get_source(source_key, env={})
            cache[(source_key, relative)] = source.parse_page(source.decode(recording(relative)))
        return cache[(source_key, relative)]

    return parse


@pytest.fixture
def by_id():
    def index(page) -> dict:
        return {posting.external_id: posting for posting in page.postings}

    return index


class SleepRecorder:
    """An injectable sleep: records the waits and advances a fake monotonic clock."""

    def __init__(self) -> None:
        self.waits: list[float] = []
        self.now = 1000.0

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds

    def clock(self) -> float:
        return self.now


@pytest.fixture
def sleeper() -> SleepRecorder:
    return SleepRecorder()


@pytest.fixture
def board():
    """A respx router behind an httpx.Client: the job-board edge, answered from recordings."""
    router = respx.Router(assert_all_called=False)
    with httpx.Client(transport=httpx.MockTransport(router.handler)) as client:
        yield router, client


def json_bytes(data) -> bytes:
    return json.dumps(data).encode()


@pytest.fixture(autouse=True)
def _clean_cache(request):
    """Source and parsing tests never touch the cache; overriding the project-wide
    cache reset keeps them free of the database (the embedded default's cache lives there).
    Tests with database access (runs, pages, polling slots) start with an empty cache."""
    uses_db = request.node.get_closest_marker("django_db") is not None or any(
        name in request.fixturenames for name in ("db", "transactional_db", "live_server")
    )
    if uses_db:
        from django.core.cache import cache

        cache.clear()
    yield


@pytest.fixture
def replay_sources(settings):
    """Scouting runs read the recorded payloads shipped with the app, whatever the environment says."""
    from scouter.sources.replay import DEFAULT_REPLAY_DIR

    settings.SCOUTER_SOURCES = ["replay"]
    settings.SCOUTER_REPLAY_DIR = str(DEFAULT_REPLAY_DIR)
    return settings
