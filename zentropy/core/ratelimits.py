"""Rate limits on the shared cache, with the wait a 429 reports in Retry-After.

Built on django-ratelimit's counters (`get_usage`) so every process of a
deployment shares one count per key. Use `limit()` inside a view or
service, or `@ratelimited_view(...)` on a view.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from django.http import HttpRequest
from django_ratelimit import ALL
from django_ratelimit.core import get_usage
from django_ratelimit.exceptions import Ratelimited


class RateLimited(Ratelimited):
    """Raised when a limit is spent; carries the seconds until it resets."""

    def __init__(self, retry_after: int, message: str = "Too many requests. Please wait and try again.") -> None:
        super().__init__(message)
        self.retry_after = max(1, int(retry_after))
        self.message = message


def limit(request: HttpRequest, *, group: str, key: str | Callable, rate: str, method: str | tuple = ALL) -> None:
    """Count one hit for `key` in `group`; raise RateLimited when over `rate`.

    `key` takes django-ratelimit's forms ("ip", "user", "post:email", a callable)
    or a literal value given as "value:<text>".
    """
    if isinstance(key, str) and key.startswith("value:"):
        literal = key.removeprefix("value:")
        key = lambda _group, _request: literal  # noqa: E731
    usage = get_usage(request, group=group, key=key, rate=rate, method=method, increment=True)
    if usage is not None and usage["should_limit"]:
        raise RateLimited(retry_after=usage["time_left"])


def ratelimited_view(*, group: str, key, rate: str, method: str | tuple = "POST"):
    """Decorator form of `limit` for function views."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            limit(request, group=group, key=key, rate=rate, method=method)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
