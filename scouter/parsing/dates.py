"""Posted dates and deadlines: every shape the boards use, returned in UTC.

Boards send ISO 8601 with offsets, ISO without a zone (Remotive, USAJobs),
date-only strings (Workable, USAJobs 2021), epoch seconds (RemoteOK, Arbeitnow,
Himalayas), epoch milliseconds (Lever) and RFC 822 (RSS). A value without a
zone is taken as UTC, which is what these APIs mean by it.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

_MIN_YEAR = 1990
_MAX_YEAR = 2100
# Epoch values above this are milliseconds: 1e11 s is the year 5138.
_MILLISECONDS_THRESHOLD = 100_000_000_000
_NUMERIC = re.compile(r"^\d{9,14}(\.\d+)?$")
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_datetime(value: object) -> datetime | None:
    """Return an aware UTC datetime for any date shape a board sends, else None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        result = value if value.tzinfo else value.replace(tzinfo=UTC)
    elif isinstance(value, date):
        result = datetime(value.year, value.month, value.day, tzinfo=UTC)
    elif isinstance(value, int | float):
        result = _from_epoch(float(value))
    elif isinstance(value, str):
        result = _from_string(value.strip())
    else:
        return None
    if result is None or not _MIN_YEAR <= result.year <= _MAX_YEAR:
        return None
    return result.astimezone(UTC)


def parse_date(value: object) -> date | None:
    """The calendar date of a deadline-like value (its own day, before any zone shift)."""
    if isinstance(value, str) and _DATE_ONLY.match(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    if isinstance(value, str):
        text = value.strip()
        try:
            # A deadline's own calendar day counts, not the day it falls on in UTC.
            parsed = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
            return parsed.date() if _MIN_YEAR <= parsed.year <= _MAX_YEAR else None
        except ValueError:
            pass
    moment = parse_datetime(value)
    return moment.date() if moment else None


def _from_epoch(seconds: float) -> datetime | None:
    if seconds <= 0:
        return None
    if seconds > _MILLISECONDS_THRESHOLD:
        seconds /= 1000
    try:
        return datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _from_string(text: str) -> datetime | None:
    if not text:
        return None
    if _NUMERIC.match(text):
        return _from_epoch(float(text))
    iso = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    try:
        parsed = datetime.fromisoformat(iso)
    except ValueError:
        parsed = None
    if parsed is None:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed
