"""Polling intervals and the incremental window (pure; no ORM).

Intervals by the persona's polling frequency (reference §5.4): twice daily
12 h, daily 24 h, weekly 7 days, manual only never. The reference compared
"Daily" with "daily" and fell back to 24 h for everyone; ours maps the stored
values and fails loudly on an unknown one.
"""

from __future__ import annotations

import datetime

INTERVALS: dict[str, datetime.timedelta | None] = {
    "twice_daily": datetime.timedelta(hours=12),
    "daily": datetime.timedelta(hours=24),
    "weekly": datetime.timedelta(days=7),
    "manual": None,
}

# A scheduled poll looks back this far before the previous poll, so postings a board
# published late (or dated in another time zone) are not missed between two polls.
CATCH_UP = datetime.timedelta(hours=24)

# A run still queued or running after this long lost its worker: it is marked failed.
ABANDONED_AFTER = datetime.timedelta(hours=2)


def interval_for(frequency: str) -> datetime.timedelta | None:
    """The time between two polls, or None for manual only. Raises ValueError on an unknown value."""
    try:
        return INTERVALS[frequency]
    except KeyError:
        raise ValueError(f"unknown polling frequency {frequency!r}") from None


def next_poll_after(frequency: str, moment: datetime.datetime) -> datetime.datetime | None:
    """When the next automatic poll is due after a poll at `moment` (None: never)."""
    interval = interval_for(frequency)
    return None if interval is None else moment + interval


def since_for(last_poll_at: datetime.datetime | None, *, scheduled: bool) -> datetime.datetime | None:
    """The incremental window of a run: scheduled polls fetch what appeared since the last poll
    (minus the catch-up overlap); a first poll and a user's "Scout now" fetch everything."""
    if not scheduled or last_poll_at is None:
        return None
    return last_poll_at - CATCH_UP
