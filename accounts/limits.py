"""Our per-IP and per-address limits for the sign-in flows, on the shared cache.

A thin layer over zentropy.core.ratelimits.limit: it passes django-ratelimit's
"any method" sentinel (the core default, the string "ALL", is never matched
by django-ratelimit, so it would silently count nothing) and keys addresses
by a hash, so no email address is written into the cache.
"""

from __future__ import annotations

import hashlib

import django_ratelimit
from django.http import HttpRequest

from zentropy.core.ratelimits import limit


def address_key(email: str) -> str:
    return "value:" + hashlib.sha256(email.strip().lower().encode()).hexdigest()


def hit(request: HttpRequest, *, group: str, key: str, rate: str) -> None:
    """Count one attempt; raises zentropy.core.ratelimits.RateLimited (a 429) when over `rate`."""
    limit(request, group=group, key=key, rate=rate, method=django_ratelimit.ALL)
