"""iCalendar (RFC 5545) for one interview, written by hand (pure: no ORM).

Times are written in UTC (`DTSTART:20261201T150000Z`), which needs no VTIMEZONE
block; the interview's own time zone is named in the description.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

PRODID = "-//Zentropy Scout//Application tracker//EN"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    start: datetime.datetime  # aware
    duration: datetime.timedelta
    summary: str
    description: str = ""
    location: str = ""
    url: str = ""
    sequence: int = 0
    cancelled: bool = False
    stamp: datetime.datetime | None = None


def escape_text(value: str) -> str:
    """TEXT value escaping (RFC 5545 §3.3.11)."""
    return (
        value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n").replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character (§3.1)."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current, size, limit = [], [], 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, 74  # continuation lines start with one space
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def utc_stamp(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def render(event: CalendarEvent) -> str:
    """A VCALENDAR with one VEVENT, CRLF line endings."""
    if event.start.tzinfo is None:
        raise ValueError("the start time needs a time zone")
    stamp = event.stamp or datetime.datetime.now(datetime.UTC)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"DTSTAMP:{utc_stamp(stamp)}",
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
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(fold(line) for line in lines) + "\r\n"


def parse(text: str) -> list[dict[str, str]]:
    """Unfold and read back the VEVENTs of a calendar: [{PROPERTY(;PARAMS): value}] (used by tests and tools)."""
    unfolded = text.replace("\r\n ", "").replace("\r\n\t", "")
    events, current = [], None
    for line in unfolded.split("\r\n"):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT" and current is not None:
            events.append(current)
            current = None
        elif current is not None and ":" in line:
            name, value = line.split(":", 1)
            current[name] = value
    return events
