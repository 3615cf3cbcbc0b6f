"""The HTTP edge of every source: timeouts, pacing, bounded retries and error classes.

* Each source keeps a minimum interval between its requests (its published
  rate limit), enforced by a ``Throttle`` owned by the source instance.
* 429 and 5xx answers are retried at most ``max_retries`` times. A
  ``Retry-After`` header is honoured but capped (``MAX_RETRY_AFTER`` seconds);
  without one the wait doubles from one second.
* Failures become ``SourceError`` with a kind: rate_limited, down, timeout,
  network or bad_payload. Only http(s) URLs are ever requested.
* ``sleep`` and ``clock`` are injectable so tests never wait.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from scouter.sources.base import SourceError
from scouter.sources.mapping import safe_url

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
MAX_RETRY_AFTER = 60.0
MAX_RETRIES = 3
MAX_RESPONSE_BYTES = 10 * 1024 * 1024  # RemoteOK's documented response cap; nothing we read is larger
USER_AGENT = "ZentropyScout/1.0 (+job discovery; contact via operator)"


def make_client(**kwargs: Any) -> httpx.Client:
    """An httpx client with our timeouts and user agent; redirects followed only to http(s)."""
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "application/json, application/rss+xml, application/xml;q=0.9, */*;q=0.5",
    }
    headers.update(kwargs.pop("headers", {}))
    return httpx.Client(
        timeout=kwargs.pop("timeout", DEFAULT_TIMEOUT), headers=headers, follow_redirects=True, **kwargs
    )


class Throttle:
    """Keeps at least ``interval`` seconds between two requests of one source."""

    def __init__(
        self,
        interval: float,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.interval = interval
        self.sleep = sleep
        self.clock = clock
        self._last: float | None = None

    def wait(self) -> None:
        now = self.clock()
        if self._last is not None and self.interval > 0:
            remaining = self.interval - (now - self._last)
            if remaining > 0:
                self.sleep(remaining)
                now = self._last + self.interval
        self._last = max(now, self.clock())


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), capped."""
    if not value:
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


class SourceHttp:
    """GET requests for one source on a shared httpx.Client."""

    def __init__(
        self,
        client: httpx.Client,
        *,
        source_key: str,
        throttle: Throttle,
        sleep: Callable[[float], None] = time.sleep,
        max_retries: int = MAX_RETRIES,
        max_bytes: int = MAX_RESPONSE_BYTES,
    ) -> None:
        self.client = client
        self.source_key = source_key
        self.throttle = throttle
        self.sleep = sleep
        self.max_retries = max_retries
        self.max_bytes = max_bytes
        self.requests_made = 0

    def get(
        self, url: str, *, params: Mapping[str, Any] | None = None, headers: Mapping[str, str] | None = None
    ) -> httpx.Response:
        """The successful response, after at most ``max_retries`` retries of 429/5xx; else SourceError."""
        if safe_url(url) is None:
            raise SourceError("bad_payload", f"refused to request a non-http(s) URL: {url[:100]!r}")
        attempt = 0
        while True:
            self.throttle.wait()
            self.requests_made += 1
            try:
                response = self.client.get(url, params=params, headers=headers)
            except httpx.TimeoutException as exc:
                raise SourceError("timeout", f"{self.source_key} timed out: {type(exc).__name__}") from exc
            except httpx.TransportError as exc:
                raise SourceError("network", f"{self.source_key} unreachable: {type(exc).__name__}") from exc
            status = response.status_code
            if status == 429 or status >= 500:
                wait = parse_retry_after(response.headers.get("Retry-After"))
                if attempt < self.max_retries:
                    attempt += 1
                    delay = wait if wait is not None else min(2.0 ** (attempt - 1), MAX_RETRY_AFTER)
                    logger.info("%s answered %s; retry %s in %.1fs", self.source_key, status, attempt, delay)
                    self.sleep(delay)
                    continue
                if status == 429:
                    raise SourceError("rate_limited", f"{self.source_key} is rate limiting us", status, wait)
                raise SourceError("down", f"{self.source_key} is failing", status)
            if status >= 400:
                raise SourceError("down", f"{self.source_key} refused the request", status)
            if len(response.content) > self.max_bytes:
                raise SourceError(
                    "bad_payload", f"{self.source_key} response is larger than {self.max_bytes} bytes", status
                )
            return response

    def get_bytes(self, url: str, **kwargs: Any) -> bytes:
        return self.get(url, **kwargs).content
