"""Password rules beyond Django's: a length cap and the breached-password check.

The breach check is a k-anonymity range query: only the first five hex
characters of the password's SHA-1 leave this server, and the padding header
hides the size of the answer. When the service can't be reached the policy in
BREACHED_PASSWORD_UNREACHABLE decides ("allow" logs and accepts).
"""

from __future__ import annotations

import hashlib
import logging

import httpx
from django.conf import settings
from django.core.exceptions import ValidationError

logger = logging.getLogger(__name__)


class MaximumLengthValidator:
    def __init__(self, max_length: int = 128) -> None:
        self.max_length = max_length

    def validate(self, password: str, user=None) -> None:
        if len(password) > self.max_length:
            raise ValidationError(
                f"This password is too long. It must contain at most {self.max_length} characters.",
                code="password_too_long",
            )

    def get_help_text(self) -> str:
        return f"Your password must contain at most {self.max_length} characters."


class BreachUnavailable(Exception):
    """The breached-password service could not be asked."""


def breach_count(password: str) -> int:
    """How many times the password appears in known breaches (0 if never).

    Raises BreachUnavailable when the service can't be reached or answers badly.
    """
    digest = hashlib.sha1(password.encode("utf-8")).hexdigest().upper()  # noqa: S324 (protocol-mandated)
    prefix, suffix = digest[:5], digest[5:]
    try:
        response = httpx.get(
            settings.BREACHED_PASSWORD_API_URL + prefix,
            headers={"Add-Padding": "true", "User-Agent": "zentropy-scout"},
            timeout=settings.BREACHED_PASSWORD_TIMEOUT,
        )
        response.raise_for_status()
    except httpx.HTTPError as exc:
        raise BreachUnavailable(str(exc)) from exc
    for line in response.text.splitlines():
        candidate, _, count = line.strip().partition(":")
        if candidate.upper() == suffix:
            try:
                return int(count)
            except ValueError:
                return 0
    return 0


class BreachedPasswordValidator:
    def validate(self, password: str, user=None) -> None:
        if not settings.BREACHED_PASSWORD_CHECK:
            return
        try:
            count = breach_count(password)
        except BreachUnavailable as exc:
            if settings.BREACHED_PASSWORD_UNREACHABLE == "deny":
                raise ValidationError(
                    "We couldn't check this password against known breaches right now. Please try again shortly.",
                    code="password_breach_check_unavailable",
                ) from exc
            logger.warning("breached-password check unavailable, password allowed: %s", exc)
            return
        if count > 0:
            raise ValidationError(
                "This password has appeared in a data breach and can't be used. Please choose another.",
                code="password_breached",
            )

    def get_help_text(self) -> str:
        return "Your password can't be one that has appeared in a known data breach."
