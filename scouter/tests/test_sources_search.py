"""Each adapter's search against a mocked board: pagination, page caps, parameters, filters."""

import json
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from scouter.sources import adzuna, lever, themuse
from scouter.sources.base import SearchQuery
from scouter.sources.registry import get_source

ADZUNA_KEYS = {"ADZUNA_APP_ID": "app-id", "ADZUNA_APP_KEY": "app-key", "ADZUNA_COUNTRY": "gb"}
USAJOBS_KEYS = {"USAJOBS_USER_AGENT": "ops@example.org", "USAJOBS_API_KEY": "usa-key"}


def source(key, sleeper, env=None):
    return get_source(key, env=env or {}, sleep=sleeper, clock=sleeper.clock)


def params_of(call) -> dict:
    return {k: v[0] for k, v in parse_qs(urlsplit(str(call.request.url)).query).items()}


@pytest.mark.smoke
def test_lever_pages_with_skip_and_limit_until_a_short_page(board, recording, sleeper, monkeypatch):
    router, client = board
    monkeypatch.setattr(lever, "PAGE_SIZE", 20)
    items = json.loads(recording("lever/lever_postings_meesho_mode_json_49.json"))

    def serve(request):
        skip, limit = int(request.url.params["skip"]), int(request.url.params["limit"])
        return httpx.Response(200, json=items[skip : skip + limit])

    route = router.get("https://api.lever.co/v0/postings/meesho").mock(side_effect=serve)

    result = source("lever", sleeper).search(SearchQuery(board_tokens={"lever": ["meesho"]}, max_pages=10), client)

    assert (result.pages_fetched, len(result.postings), result.errors) == (3, 49, [])
    assert [params_of(c)["skip"] for c in route.calls] == ["0", "20", "40"]
    assert {params_of(c)["mode"] for c in route.calls} == {"json"}
    assert sleeper.waits == [1.0, 1.0]  # Lever's pacing between the three requests


def test_lever_stops_at_the_page_cap(board, recording, sleeper, monkeypatch):
    router, client = board
    monkeypatch.setattr(lever, "PAGE_SIZE", 20)
    items = json.loads(recording("lever/lever_postings_meesho_mode_json_49.json"))
    route = router.get("https://api.lever.co/v0/postings/meesho").mock(
        return_value=httpx.Response(200, json=items[:20])
    )

    result = source("lever", sleeper).search(SearchQuery(board_tokens={"lever": ["meesho"]}, max_pages=2), client)

    assert (route.call_count, result.pages_fetched, len(result.postings)) == (2, 2, 20)


def test_greenhouse_one_failing_board_does_not_stop_the_others(board, recording, sleeper):
    router, client = board
    router.get("https://boards-api.greenhouse.io/v1/boards/phonepe/jobs").mock(
        return_value=httpx.Response(
            200, content=recording("greenhouse/greenhouse_jobs_content_true_phonepe_69jobs.json")
        )
    )
    router.get("https://boards-api.greenhouse.io/v1/boards/gone/jobs").mock(return_value=httpx.Response(404))

    result = source("greenhouse", sleeper).search(
        SearchQuery(board_tokens={"greenhouse": ["gone", "phonepe", "bad token!"]}), client
    )

    assert len(result.postings) == 69
    assert [(e.kind, e.status, e.message) for e in result.errors] == [
        ("down", 404, "greenhouse refused the request (board gone)")
    ]


def test_greenhouse_requests_content_and_filters_titles_locally(board, recording, sleeper):
    router, client = board
    route = router.get("https://boards-api.greenhouse.io/v1/boards/phonepe/jobs").mock(
        return_value=httpx.Response(
            200, content=recording("greenhouse/greenhouse_jobs_content_true_phonepe_69jobs.json")
        )
    )
    query = SearchQuery(titles=["Creative Lead"], board_tokens={"greenhouse": ["phonepe"]})

    result = source("greenhouse", sleeper).search(query, client)

    assert params_of(route.calls[0]) == {"content": "true"}
    assert [p.title for p in result.postings] == ["AI Creative Lead"]


def test_greenhouse_board_tokens_from_the_environment(board, recording, sleeper):
    router, client = board
    route = router.get("https://boards-api.greenhouse.io/v1/boards/smarterdx/jobs").mock(
        return_value=httpx.Response(
            200, content=recording("greenhouse/greenhouse_jobs_content_true_2of11_trimmed.json")
        )
    )

    result = source("greenhouse", sleeper, env={"SCOUTER_GREENHOUSE_BOARDS": "smarterdx"}).search(SearchQuery(), client)

    assert (route.call_count, len(result.postings)) == (1, 2)


@pytest.mark.smoke
def test_adzuna_pages_in_the_path_with_keys_and_incremental_window(board, recording, sleeper):
    router, client = board
    full_page = json.loads(recording("adzuna/adzuna_search_gb_it_2025-08-10_50results.json"))
    short_page = {**full_page, "results": full_page["results"][:5]}
    page_1 = router.get("https://api.adzuna.com/v1/api/jobs/gb/search/1").mock(
        return_value=httpx.Response(200, json=full_page)
    )
    page_2 = router.get("https://api.adzuna.com/v1/api/jobs/gb/search/2").mock(
        return_value=httpx.Response(200, json=short_page)
    )
    since = datetime.now(UTC).replace(microsecond=0) - adzuna_days(2.5)

    result = source("adzuna", sleeper, env=ADZUNA_KEYS).search(
        SearchQuery(titles=["Project Manager"], location="London", since=since, max_pages=10), client
    )

    assert (page_1.call_count, page_2.call_count, result.pages_fetched) == (1, 1, 2)
    assert params_of(page_1.calls[0]) == {
        "app_id": "app-id",
        "app_key": "app-key",
        "results_per_page": "50",
        "max_days_old": "4",
        "content-type": "application/json",
        "where": "London",
        "what": "Project Manager",
    }
    assert sleeper.waits == [2.4]  # Adzuna's published pacing
    assert result.postings == []  # the recording is from 2025: older than the since window, also applied locally


def adzuna_days(days: float):
    from datetime import timedelta

    return timedelta(days=days)


def test_adzuna_stops_at_the_page_cap_when_pages_stay_full(board, recording, sleeper):
    router, client = board
    route = router.get(url__regex=r"https://api\.adzuna\.com/v1/api/jobs/gb/search/\d+").mock(
        return_value=httpx.Response(200, content=recording("adzuna/adzuna_search_gb_it_2025-08-10_50results.json"))
    )

    result = source("adzuna", sleeper, env=ADZUNA_KEYS).search(SearchQuery(max_pages=50), client)

    assert (route.call_count, result.pages_fetched) == (adzuna.AdzunaSource.page_cap, 10)
    assert len(result.postings) == 50  # every page repeats the same ids: deduplicated
    assert params_of(route.calls[0])["max_days_old"] == "7"


@pytest.mark.parametrize(("days_ago", "window"), [(None, 7), (0.2, 2), (1.0, 2), (3.5, 5), (400, 90)])
def test_adzuna_days_window(days_ago, window):
    now = datetime(2026, 11, 22, tzinfo=UTC)
    since = None if days_ago is None else now - adzuna_days(days_ago)

    assert adzuna.days_window(since, now=now) == window


def test_usajobs_sends_its_headers_and_stops_at_number_of_pages(board, recording, sleeper):
    router, client = board
    payload = json.loads(recording("usajobs/usajobs_search_2025-08-05_3items_raw.json"))
    payload["SearchResult"]["UserArea"]["NumberOfPages"] = "2"
    route = router.get("https://data.usajobs.gov/api/Search").mock(return_value=httpx.Response(200, json=payload))

    result = source("usajobs", sleeper, env=USAJOBS_KEYS).search(
        SearchQuery(keywords=["aviation"], remote_only=True, max_pages=20), client
    )

    assert (route.call_count, result.pages_fetched) == (2, 2)
    first = route.calls[0].request
    assert (first.headers["User-Agent"], first.headers["Authorization-Key"], first.headers["Host"]) == (
        "ops@example.org",
        "usa-key",
        "data.usajobs.gov",
    )
    assert params_of(route.calls[1]) == {
        "ResultsPerPage": "100",
        "DatePosted": "7",
        "RemoteIndicator": "True",
        "Keyword": "aviation",
        "Page": "2",
    }
    assert result.postings == []  # none of the recorded jobs is remote: remote-only filters them out


def test_usajobs_page_cap_wins_over_thousands_of_pages(board, recording, sleeper):
    router, client = board
    route = router.get("https://data.usajobs.gov/api/Search").mock(
        return_value=httpx.Response(200, content=recording("usajobs/usajobs_search_2025-08-05_3items_raw.json"))
    )

    result = source("usajobs", sleeper, env=USAJOBS_KEYS).search(SearchQuery(max_pages=3), client)

    assert (route.call_count, len(result.postings)) == (3, 3)


def test_themuse_pages_from_zero_until_page_count(board, recording, sleeper):
    router, client = board
    results = json.loads(recording("themuse/themuse_jobs_results_array_first100_of_496.json"))

    def serve(request):
        page = int(request.url.params["page"])
        return httpx.Response(
            200, json={"page": page, "page_count": 5, "total": 100, "results": results[page * 20 : page * 20 + 20]}
        )

    route = router.get(themuse.API_URL).mock(side_effect=serve)

    result = source("themuse", sleeper).search(SearchQuery(titles=["Software Engineer"], max_pages=20), client)

    assert [params_of(c)["page"] for c in route.calls] == ["0", "1", "2", "3", "4"]
    assert result.postings
    assert all("software" in p.title.lower() and "engineer" in p.title.lower() for p in result.postings)
    assert sleeper.waits == [7.2] * 4  # 500 requests an hour without a key


def test_themuse_with_key_sends_it_and_paces_faster(board, recording, sleeper):
    router, client = board
    route = router.get(themuse.API_URL).mock(return_value=httpx.Response(200, json={"page_count": 1, "results": []}))

    source("themuse", sleeper, env={"THEMUSE_API_KEY": "muse-key"}).search(SearchQuery(location="Chicago, IL"), client)

    assert params_of(route.calls[0]) == {
        "descending": "true",
        "api_key": "muse-key",
        "location": "Chicago, IL",
        "page": "0",
    }


def test_himalayas_pages_by_offset_until_total_count(board, recording, sleeper):
    router, client = board
    payload = json.loads(recording("himalayas/himalayas_jobs_api_2026-05_20jobs.json"))
    payload["totalCount"] = 45
    route = router.get("https://himalayas.app/jobs/api").mock(return_value=httpx.Response(200, json=payload))

    result = source("himalayas", sleeper).search(SearchQuery(max_pages=10), client)

    assert [params_of(c)["offset"] for c in route.calls] == ["0", "20", "40"]
    assert (result.pages_fetched, len(result.postings)) == (3, 20)


def test_arbeitnow_follows_links_next_and_refuses_non_http_links(board, recording, sleeper):
    router, client = board
    data = json.loads(recording("arbeitnow/arbeitnow_job_board_api_page1_data_only_100jobs.json"))["data"]
    first = router.get("https://www.arbeitnow.com/api/job-board-api", params={"page": "1"}).mock(
        return_value=httpx.Response(
            200, json={"data": data[:50], "links": {"next": "https://www.arbeitnow.com/api/job-board-api?page=2"}}
        )
    )
    second = router.get("https://www.arbeitnow.com/api/job-board-api", params={"page": "2"}).mock(
        return_value=httpx.Response(200, json={"data": data[50:], "links": {"next": "javascript:alert(1)"}})
    )

    result = source("arbeitnow", sleeper).search(SearchQuery(max_pages=5), client)

    assert (first.call_count, second.call_count, len(result.postings)) == (1, 1, 100)


def test_remoteok_is_one_call_filtered_locally(board, recording, sleeper):
    router, client = board
    route = router.get("https://remoteok.com/api").mock(
        return_value=httpx.Response(200, content=recording("remoteok/remoteok_api_2026-03-16.json"))
    )

    result = source("remoteok", sleeper).search(SearchQuery(titles=["Engineering Manager"]), client)

    assert route.call_count == 1
    assert [p.title for p in result.postings] == [
        "Engineering Manager Workload Management",
        "Engineering Manager Accelerator Platform",
    ]


def test_remotive_searches_each_term_and_deduplicates(board, recording, sleeper):
    router, client = board
    route = router.get("https://remotive.com/api/remote-jobs").mock(
        return_value=httpx.Response(200, content=recording("remotive/remotive_remote_jobs_2025-12_limit20.json"))
    )

    result = source("remotive", sleeper).search(SearchQuery(titles=["Rails Engineer"], keywords=["docker"]), client)

    assert [params_of(c)["search"] for c in route.calls] == ["Rails Engineer", "docker"]
    assert (result.pages_fetched, len(result.postings)) == (2, 20)
    assert sleeper.waits == [10.0]


def test_smartrecruiters_reads_details_only_for_matching_list_items(board, recording, sleeper):
    router, client = board
    router.get("https://api.smartrecruiters.com/v1/companies/WesternDigital/postings").mock(
        return_value=httpx.Response(
            200, content=recording("smartrecruiters/smartrecruiters_postings_list_westerndigital_3.json")
        )
    )
    details = router.get(
        url__regex=r"https://api\.smartrecruiters\.com/v1/companies/WesternDigital/postings/\d+$"
    ).mock(
        return_value=httpx.Response(
            200, content=recording("smartrecruiters/smartrecruiters_posting_detail_westerndigital.json")
        )
    )

    result = source("smartrecruiters", sleeper).search(
        SearchQuery(titles=["Intern"], board_tokens={"smartrecruiters": ["WesternDigital"]}), client
    )

    assert [str(c.request.url).rsplit("/", 1)[-1] for c in details.calls] == ["744000141229015", "744000141229499"]
    assert result.errors == []
    # Both details answered with the one recorded detail, so one posting remains.
    assert [(p.title, p.salary_max) for p in result.postings] == [("Summer 2027 Intern - Hardware Engineering", 47)]


def test_workable_and_ashby_read_one_board_each(board, recording, sleeper):
    router, client = board
    workable_route = router.get("https://apply.workable.com/api/v1/widget/accounts/workable").mock(
        return_value=httpx.Response(200, content=recording("workable/workable_widget_accounts_workable_1job.json"))
    )
    ashby_route = router.get("https://api.ashbyhq.com/posting-api/job-board/cursor").mock(
        return_value=httpx.Response(200, content=recording("ashby/ashby_job_board_cursor_no_compensation.json"))
    )

    workable_result = source("workable", sleeper).search(SearchQuery(board_tokens={"workable": ["workable"]}), client)
    ashby_result = source("ashby", sleeper).search(
        SearchQuery(board_tokens={"ashby": ["cursor"]}, remote_only=True), client
    )

    assert params_of(workable_route.calls[0]) == {"details": "true"}
    assert params_of(ashby_route.calls[0]) == {"includeCompensation": "true"}
    assert [p.title for p in workable_result.postings] == ["Implementation Manager"]
    assert ashby_result.postings and {p.work_model for p in ashby_result.postings} == {"remote"}


def test_weworkremotely_reads_its_default_feed_and_configured_category_feeds(board, recording, sleeper):
    router, client = board
    main = router.get("https://weworkremotely.com/remote-jobs.rss").mock(
        return_value=httpx.Response(200, content=recording("weworkremotely/wwr_remote-jobs_rss_2026-07_4items.xml"))
    )
    programming = router.get("https://weworkremotely.com/categories/remote-programming-jobs.rss").mock(
        return_value=httpx.Response(
            200, content=recording("weworkremotely/wwr_remote-programming-jobs_rss_2022-10_25items.rss")
        )
    )
    env = {"SCOUTER_WWR_FEEDS": "https://weworkremotely.com/categories/remote-programming-jobs.rss"}

    result = source("weworkremotely", sleeper, env=env).search(SearchQuery(), client)

    assert (main.call_count, programming.call_count, len(result.postings)) == (1, 1, 29)


def test_rss_feed_that_is_not_a_feed_is_a_bad_payload(board, sleeper):
    router, client = board
    router.get("https://feeds.example.test/jobs.xml").mock(return_value=httpx.Response(200, content=b"<html><oops"))

    result = source("rss", sleeper, env={"SCOUTER_RSS_FEEDS": "https://feeds.example.test/jobs.xml"}).search(
        SearchQuery(), client
    )

    assert [e.kind for e in result.errors] == ["bad_payload"]
