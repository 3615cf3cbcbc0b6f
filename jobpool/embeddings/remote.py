"""What the API providers (OpenAI, Gemini, Ollama) share: HTTP with limits.

One POST helper: httpx with a timeout, bounded retries with exponential
backoff on 429, 5xx, timeouts and network errors, Retry-After honoured up to a
cap, and every failure turned into one of the EmbeddingError classes. API keys
travel only in request headers: they never appear in URLs, log lines,
exception messages or reprs.
"""

from __future__ import annotations

import email.utils
import logging
import re
import time
from collections.abc import Callable
from datetime import UTC, datetime

import httpx
import numpy as np

from jobpool.embeddings.base import (
    EmbeddingAuthError,
    EmbeddingBadResponse,
    EmbeddingError,
    EmbeddingNetworkError,
    EmbeddingProvider,
    EmbeddingRateLimited,
    EmbeddingTimeout,
    EmbeddingUnavailable,
)

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_RETRIES = 3
DEFAULT_BACKOFF = 0.5  # seconds before the first retry; doubles each time
MAX_RETRY_AFTER = 30.0  # a longer Retry-After is cut to this: a worker never sleeps for minutes
_ERROR_SNIPPET = 200
_KEY_LIKE = re.compile(r"\b(?:sk|AIza)[-_A-Za-z0-9*]{6,}")


class RemoteProvider(EmbeddingProvider):
    """An embedding API reached over HTTP; subclasses build requests and parse answers."""

    #: Most inputs the API accepts in one request.
    max_batch: int = 100
    name: str = "remote"

    def __init__(
        self,
        *,
        model: str,
        dimensions: int,
        base_url: str,
        timeout: float = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        backoff: float = DEFAULT_BACKOFF,
        client: httpx.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if max_retries < 0:
            raise ValueError("max_retries must be >= 0")
        self.model = model
        self.dimensions = dimensions
        self.model_id = f"{self.name}/{model}@{dimensions}"
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.max_retries = max_retries
        self.backoff = backoff
        self._client = client or httpx.Client(timeout=timeout, follow_redirects=False)
        self._sleep = sleep

    def _embed(self, texts: list[str], batch_size: int) -> np.ndarray:
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        # Blank texts get a zero vector without a call: OpenAI rejects empty
        # inputs and no API says anything useful about them.
        wanted = [i for i, text in enumerate(texts) if text.strip()]
        step = max(1, min(batch_size, self.max_batch))
        for start in range(0, len(wanted), step):
            rows = wanted[start : start + step]
            vectors = self._request_batch([texts[i] for i in rows])
            if vectors.shape != (len(rows), self.dimensions):
                raise EmbeddingBadResponse(
                    f"{self.name} returned vectors of shape {vectors.shape}, expected {(len(rows), self.dimensions)}"
                )
            out[rows] = vectors
        return out

    def _request_batch(self, texts: list[str]) -> np.ndarray:
        """One API call for up to max_batch non-blank texts: (len(texts), dimensions)."""
        raise NotImplementedError

    def _headers(self) -> dict[str, str]:
        return {"Content-Type": "application/json", "Accept": "application/json"}

    def _post(self, path: str, payload: dict) -> dict:
        url = f"{self.base_url}{path}"
        attempt = 0
        while True:
            try:
                response = self._client.post(url, json=payload, headers=self._headers(), timeout=self.timeout)
            except httpx.TimeoutException as exc:
                error: EmbeddingError = EmbeddingTimeout(f"{self.name} did not answer within {self.timeout:g} s")
                cause: Exception = exc
                wait = None
            except httpx.TransportError as exc:
                error = EmbeddingNetworkError(f"{self.name} unreachable: {type(exc).__name__}")
                cause = exc
                wait = None
            else:
                if response.is_success:
                    return self._json(response)
                error, wait = self._classify(response)
                cause = None
            if not error.retryable or attempt >= self.max_retries:
                raise error from cause
            attempt += 1
            delay = wait if wait is not None else self.backoff * 2 ** (attempt - 1)
            logger.warning(
                "embedding %s: %s; retry %d/%d in %.1f s",
                self.name,
                type(error).__name__,
                attempt,
                self.max_retries,
                delay,
            )
            self._sleep(delay)

    def _json(self, response: httpx.Response) -> dict:
        try:
            body = response.json()
        except ValueError as exc:
            raise EmbeddingBadResponse(
                f"{self.name} answered {response.status_code} with a body that is not JSON"
            ) from exc
        if not isinstance(body, dict):
            raise EmbeddingBadResponse(f"{self.name} answered with JSON that is not an object")
        return body

    def _classify(self, response: httpx.Response) -> tuple[EmbeddingError, float | None]:
        status = response.status_code
        detail = self._redact(_error_detail(response))
        if status == 429:
            wait = retry_after_seconds(response.headers.get("Retry-After"))
            return EmbeddingRateLimited(f"{self.name} rate limited (429){detail}", retry_after=wait), wait
        if status in (401, 403):
            return EmbeddingAuthError(f"{self.name} refused the credentials ({status}){detail}"), None
        if status >= 500:
            return EmbeddingUnavailable(f"{self.name} unavailable ({status}){detail}"), None
        return EmbeddingBadResponse(f"{self.name} rejected the request ({status}){detail}"), None

    def _secrets(self) -> list[str]:
        """Credentials to scrub from any text we surface."""
        return []

    def _redact(self, text: str) -> str:
        for secret in self._secrets():
            if secret:
                text = text.replace(secret, "[redacted]")
        # OpenAI echoes a masked key in 401 messages ("sk-abc***xyz"): drop even that.
        return _KEY_LIKE.sub("[redacted]", text)

    def _vectors(self, rows: object, expected: int) -> np.ndarray:
        """A list of number lists from a response, checked and converted."""
        if not isinstance(rows, list) or len(rows) != expected:
            count = len(rows) if isinstance(rows, list) else type(rows).__name__
            raise EmbeddingBadResponse(f"{self.name} returned {count} vectors for {expected} inputs")
        try:
            matrix = np.array(rows, dtype=np.float32)
        except (TypeError, ValueError) as exc:
            raise EmbeddingBadResponse(f"{self.name} returned vectors that are not lists of numbers") from exc
        if matrix.ndim != 2 or not np.isfinite(matrix).all():
            raise EmbeddingBadResponse(f"{self.name} returned ragged or non-finite vectors")
        return matrix

    def __repr__(self) -> str:  # never the key
        return f"<{type(self).__name__} {self.model_id} {self.base_url}>"


def retry_after_seconds(value: str | None, *, now: datetime | None = None) -> float | None:
    """Retry-After as seconds (delta or HTTP date), capped at MAX_RETRY_AFTER; None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def _error_detail(response: httpx.Response) -> str:
    """The API's own error message, short, for the exception text (never request data)."""
    try:
        body = response.json()
    except ValueError:
        return ""
    message = None
    if isinstance(body, dict):
        error = body.get("error")
        if isinstance(error, dict):
            message = error.get("message")
        elif isinstance(error, str):
            message = error
    if not isinstance(message, str) or not message:
        return ""
    return f": {message[:_ERROR_SNIPPET]}"
