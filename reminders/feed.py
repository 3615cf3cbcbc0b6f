"""The personal calendar feed as iCalendar text (pure: no ORM).

One VCALENDAR with many VEVENTs, reusing tracker.ics's escaping, folding and
UTC stamps (times in UTC need no VTIMEZONE block).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from tracker.ics import PRODID, CalendarEvent, escape_text, fold, utc_stamp


def _vevent(event: CalendarEvent, stamp: datetime.datetime) -> list[str]:
    if event.start.tzinfo is None:
        raise ValueError("the start time needs a time zone")
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"DTSTAMP:{utc_stamp(event.stamp or stamp)}",
        f"DTSTART:{utc_stamp(event.start)}",
        f"DTEND:{utc_stamp(event.start + event.duration)}",
        f"SEQUENCE:{event.sequence}",
        f"STATUS:{'CANCELLED' if event.cancelled else 'CONFIRMED'}",
        f"SUMMARY:{escape_text(event.summary)}",
    ]
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    if event.url:
        lines.append(f"URL:{event.url}")
    lines.append("END:VEVENT")
    return lines


def render_calendar(events: Iterable[CalendarEvent], *, name: str, stamp: datetime.datetime) -> str:
    """A subscribable calendar: a name, a one-hour refresh hint, CRLF line endings."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
        "X-PUBLISHED-TTL:PT1H",
    ]
    for event in events:
        lines += _vevent(event, stamp)
    lines.append("END:VCALENDAR")
    return "\r\n".join(fold(line) for line in lines) + "\r\n"
