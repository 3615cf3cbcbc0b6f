"""fetch_all isolates failures; malformed items are skipped and counted; bad envelopes are classified."""

import json
from datetime import datetime

import httpx
import pytest

from scouter.sources.base import SearchQuery, SourceError
from scouter.sources.fetch import fetch_all
from scouter.sources.registry import get_source
from scouter.sources.remoteok import RemoteOKSource


def source(key, sleeper, env=None):
    return get_source(key, env=env or {}, sleep=sleeper, clock=sleeper.clock)


class BrokenAdapter(RemoteOKSource):
    """An adapter with a bug: it crashes while parsing."""

    def parse_page(self, payload):
        raise RuntimeError("adapter bug")


@pytest.mark.smoke
def test_fetch_all_isolates_each_sources_failure(board, recording, sleeper):
    router, client = board
    router.get("https://remotive.com/api/remote-jobs").mock(
        return_value=httpx.Response(200, content=recording("remotive/remotive_remote_jobs_2025-12_limit20.json"))
    )
    router.get("https://himalayas.app/jobs/api").mock(return_value=httpx.Response(503))
    router.get("https://www.arbeitnow.com/api/job-board-api").mock(side_effect=httpx.ReadTimeout("slow"))
    router.get("https://remoteok.com/api").mock(return_value=httpx.Response(200, json=[]))
    sources = [
        source("himalayas", sleeper),
        source("arbeitnow", sleeper),
        BrokenAdapter(env={}, sleep=sleeper, clock=sleeper.clock),
        source("remotive", sleeper),
    ]

    results = fetch_all(sources, SearchQuery(max_pages=1), client=client, max_workers=1)

    assert list(results) == ["himalayas", "arbeitnow", "remoteok", "remotive"]
    assert [(e.kind, e.status) for e in results["himalayas"].errors] == [("down", 503)]
    assert [(e.kind, e.status) for e in results["arbeitnow"].errors] == [("timeout", None)]
    assert [(e.kind, e.message) for e in results["remoteok"].errors] == [("bad_payload", "RuntimeError: adapter bug")]
    assert (len(results["remotive"].postings), results["remotive"].errors, results["remotive"].ok) == (20, [], True)


def test_fetch_all_runs_sources_concurrently_with_the_same_outcome(board, recording, sleeper):
    router, client = board
    router.get("https://remotive.com/api/remote-jobs").mock(
        return_value=httpx.Response(200, content=recording("remotive/remotive_remote_jobs_2025-12_limit20.json"))
    )
    router.get("https://remoteok.com/api").mock(return_value=httpx.Response(429, headers={"Retry-After": "1"}))

    results = fetch_all(
        [source("remoteok", sleeper), source("remotive", sleeper)], SearchQuery(), client=client, max_workers=2
    )

    assert [e.kind for e in results["remoteok"].errors] == ["rate_limited"]
    assert len(results["remotive"].postings) == 20


def test_search_reports_an_unconfigured_source_as_skipped_without_requests(board, sleeper):
    router, client = board
    catch_all = router.route().mock(return_value=httpx.Response(200, json={}))

    result = source("adzuna", sleeper).search(SearchQuery(), client)

    assert (result.skipped_reason, catch_all.call_count, result.ok) == (
        "Adzuna is skipped: set ADZUNA_APP_ID, ADZUNA_APP_KEY",
        0,
        False,
    )


@pytest.mark.smoke
def test_parse_page_skips_and_counts_malformed_remoteok_items(recording):
    payload = json.loads(recording("remoteok/remoteok_api_2026-03-16.json"))
    doctored = list(payload)
    doctored[1] = {"id": "1", "company": "No Title Inc"}  # no position
    doctored[2] = "not an object"
    doctored[3] = {**payload[3], "url": "javascript:alert(1)", "apply_url": "mailto:x@example.org"}  # no http(s) link
    doctored[4] = {**payload[4], "position": {"nested": "object"}}  # wrong type
    doctored[6] = None
    adapter = RemoteOKSource(env={})

    original = adapter.parse_page(payload)
    page = adapter.parse_page(doctored)

    assert (len(original.postings), original.skipped) == (96, 1)
    assert (len(page.postings), page.skipped) == (91, 6)
    assert payload[5]["id"] not in {p.external_id for p in page.postings}  # the recorded blank item stays skipped


def test_parse_page_skips_and_counts_malformed_greenhouse_jobs(recording):
    payload = json.loads(recording("greenhouse/greenhouse_jobs_content_true_2of11_trimmed.json"))
    payload["jobs"] += [{"id": 1}, None, {"title": "Ftp job", "absolute_url": "ftp://jobs.example/1"}, {"title": ""}]
    adapter = get_source("greenhouse", env={})

    page = adapter.parse_page(payload)

    assert (len(page.postings), page.skipped) == (2, 4)


@pytest.mark.parametrize(
    ("key", "payload"),
    [
        ("greenhouse", {"unexpected": []}),
        ("remoteok", {"jobs": []}),
        ("lever", {"ok": False, "error": "Document not found"}),
        ("usajobs", {"SearchResult": None}),
        ("adzuna", []),
    ],
)
def test_parse_page_classifies_a_wrong_envelope_as_bad_payload(key, payload):
    with pytest.raises(SourceError) as caught:
        get_source(key, env={}).parse_page(payload)

    assert caught.value.kind == "bad_payload"


def test_decode_classifies_invalid_json_as_bad_payload():
    with pytest.raises(SourceError) as caught:
        get_source("remotive", env={}).decode(b"<html>Service Unavailable</html>")

    assert caught.value.kind == "bad_payload"


def test_search_records_a_bad_payload_and_keeps_going_for_other_boards(board, recording, sleeper):
    router, client = board
    router.get("https://api.ashbyhq.com/posting-api/job-board/broken").mock(
        return_value=httpx.Response(200, text="{not json")
    )
    router.get("https://api.ashbyhq.com/posting-api/job-board/cursor").mock(
        return_value=httpx.Response(200, content=recording("ashby/ashby_job_board_cursor_no_compensation.json"))
    )

    result = source("ashby", sleeper).search(SearchQuery(board_tokens={"ashby": ["broken", "cursor"]}), client)

    assert [e.kind for e in result.errors] == ["bad_payload"]
    assert len(result.postings) == 21


def test_source_result_outcome_and_error_counts_for_source_health():
    from scouter.sources.base import SourceResult

    failed = SourceResult("lever", errors=[SourceError("down", "x", 503), SourceError("down", "y", 502)])
    partial = SourceResult("greenhouse", pages_fetched=2, errors=[SourceError("rate_limited", "z", 429)])

    assert (
        failed.outcome,
        partial.outcome,
        SourceResult("a").outcome,
        SourceResult("b", skipped_reason="no keys").outcome,
    ) == (
        "failed",
        "partial",
        "ok",
        "skipped",
    )
    assert failed.error_counts() == {"rate_limited": 0, "down": 2, "timeout": 0, "network": 0, "bad_payload": 0}


def test_fetch_enabled_runs_the_chosen_sources_and_reports_the_skipped(board):
    from scouter.sources.fetch import fetch_enabled

    router, client = board
    catch_all = router.route().mock(return_value=httpx.Response(500))

    results, skipped = fetch_enabled(
        SearchQuery(titles=["Software Engineer"]), env={"SCOUTER_SOURCES": "replay,adzuna"}, client=client
    )

    assert list(results) == ["replay"]
    assert results["replay"].postings and results["replay"].errors == []
    assert skipped == [("adzuna", "Adzuna is skipped: set ADZUNA_APP_ID, ADZUNA_APP_KEY")]
    assert catch_all.call_count == 0  # replay never touches the network


@pytest.mark.parametrize("kwargs", [{"since": datetime(2026, 1, 1)}, {"max_pages": 0}])
def test_search_query_rejects_naive_since_and_zero_pages(kwargs):
    with pytest.raises(ValueError):
        SearchQuery(**kwargs)
