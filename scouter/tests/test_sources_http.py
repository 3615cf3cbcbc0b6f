"""The HTTP edge: pacing, bounded retries honouring Retry-After, and error classes."""

from datetime import UTC, datetime

import httpx
import pytest

from scouter.sources.base import SourceError
from scouter.sources.http import MAX_RETRY_AFTER, SourceHttp, Throttle, parse_retry_after

URL = "https://api.example-board.test/jobs"


def make_http(client, sleeper, *, interval=0.0, **kwargs):
    throttle = Throttle(interval, sleep=sleeper, clock=sleeper.clock)
    return SourceHttp(client, source_key="example", throttle=throttle, sleep=sleeper, **kwargs)


@pytest.mark.smoke
def test_get_retries_429_after_the_retry_after_delay_then_succeeds(board, sleeper):
    router, client = board
    route = router.get(URL).mock(
        side_effect=[httpx.Response(429, headers={"Retry-After": "7"}), httpx.Response(200, json={"ok": True})]
    )
    http = make_http(client, sleeper)

    response = http.get(URL)

    assert response.json() == {"ok": True}
    assert (route.call_count, sleeper.waits) == (2, [7.0])


def test_get_caps_a_long_retry_after(board, sleeper):
    router, client = board
    router.get(URL).mock(
        side_effect=[httpx.Response(429, headers={"Retry-After": "3600"}), httpx.Response(200, json=[])]
    )

    make_http(client, sleeper).get(URL)

    assert sleeper.waits == [MAX_RETRY_AFTER]


def test_get_gives_up_on_5xx_after_bounded_retries_with_backoff(board, sleeper):
    router, client = board
    route = router.get(URL).mock(return_value=httpx.Response(503))
    http = make_http(client, sleeper, max_retries=3)

    with pytest.raises(SourceError) as caught:
        http.get(URL)

    assert (caught.value.kind, caught.value.status) == ("down", 503)
    assert (route.call_count, sleeper.waits) == (4, [1.0, 2.0, 4.0])


def test_get_reports_rate_limited_when_429_persists(board, sleeper):
    router, client = board
    router.get(URL).mock(return_value=httpx.Response(429, headers={"Retry-After": "30"}))

    with pytest.raises(SourceError) as caught:
        make_http(client, sleeper, max_retries=1).get(URL)

    assert (caught.value.kind, caught.value.status, caught.value.retry_after) == ("rate_limited", 429, 30.0)
    assert sleeper.waits == [30.0]


def test_get_does_not_retry_a_client_error(board, sleeper):
    router, client = board
    route = router.get(URL).mock(return_value=httpx.Response(404, json={"error": "board not found"}))

    with pytest.raises(SourceError) as caught:
        make_http(client, sleeper).get(URL)

    assert (caught.value.kind, caught.value.status, route.call_count, sleeper.waits) == ("down", 404, 1, [])


@pytest.mark.parametrize(
    ("exception", "kind"),
    [
        (httpx.ConnectTimeout("slow"), "timeout"),
        (httpx.ReadTimeout("slow"), "timeout"),
        (httpx.ConnectError("refused"), "network"),
        (httpx.RemoteProtocolError("reset"), "network"),
    ],
)
def test_get_classifies_transport_failures(board, sleeper, exception, kind):
    router, client = board
    router.get(URL).mock(side_effect=exception)

    with pytest.raises(SourceError) as caught:
        make_http(client, sleeper).get(URL)

    assert (caught.value.kind, caught.value.status) == (kind, None)


@pytest.mark.parametrize("url", ["ftp://files.example/jobs", "javascript:alert(1)", "file:///etc/passwd", "/relative"])
def test_get_refuses_non_http_urls_without_a_request(board, sleeper, url):
    router, client = board
    catch_all = router.route().mock(return_value=httpx.Response(200))

    with pytest.raises(SourceError) as caught:
        make_http(client, sleeper).get(url)

    assert (caught.value.kind, catch_all.call_count) == ("bad_payload", 0)


def test_get_refuses_an_oversized_response(board, sleeper):
    router, client = board
    router.get(URL).mock(return_value=httpx.Response(200, content=b"x" * 2048))

    with pytest.raises(SourceError) as caught:
        make_http(client, sleeper, max_bytes=1024).get(URL)

    assert caught.value.kind == "bad_payload"


def test_throttle_keeps_the_minimum_interval_between_requests(board, sleeper):
    router, client = board
    router.get(URL).mock(return_value=httpx.Response(200, json=[]))
    http = make_http(client, sleeper, interval=2.4)

    http.get(URL)
    sleeper.now += 1.0  # one second of work between the calls
    http.get(URL)
    http.get(URL)

    assert [round(w, 3) for w in sleeper.waits] == [1.4, 2.4]


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("12", 12.0),
        ("0", 0.0),
        ("-5", 0.0),
        ("99999", MAX_RETRY_AFTER),
        ("Sun, 22 Nov 2026 10:00:30 GMT", 30.0),
        ("soon", None),
        (None, None),
    ],
)
def test_parse_retry_after(header, seconds):
    now = datetime(2026, 11, 22, 10, 0, 0, tzinfo=UTC)

    assert parse_retry_after(header, now=now) == seconds


def test_source_error_rejects_unknown_kinds():
    with pytest.raises(ValueError):
        SourceError("exploded", "boom")


def test_source_error_reads_well():
    assert str(SourceError("down", "Lever is failing", 502)) == "down: Lever is failing (HTTP 502)"
