"""Tag normalisation and the ICS writer (pure: no database)."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest

from tracker.ics import CalendarEvent, escape_text, fold, parse, render
from tracker.tagging import MAX_TAGS, TooManyTags, normalize_tag, normalize_tags

pytestmark = pytest.mark.smoke


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("  Remote ", "remote"), ("Dream   Job", "dream job"), ("X" * 70, "x" * 64), ("", ""), ("ÉQUIPE", "équipe")],
)
def test_normalize_tag(raw, expected):
    assert normalize_tag(raw) == expected


def test_normalize_tags_dedupes_in_order_and_drops_empty():
    assert normalize_tags(["B", "a", " b ", "", "A"]) == ["b", "a"]


def test_normalize_tags_refuses_more_than_the_limit():
    assert len(normalize_tags([f"t{i}" for i in range(MAX_TAGS)])) == MAX_TAGS
    with pytest.raises(TooManyTags):
        normalize_tags([f"t{i}" for i in range(MAX_TAGS + 1)])


def test_ics_render_parses_back_with_utc_times_and_escaped_text():
    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    event = CalendarEvent(
        uid="interview-1@example.com",
        start=datetime.datetime(2026, 3, 29, 10, 0, tzinfo=berlin),  # the first day of summer time: UTC+2
        duration=datetime.timedelta(minutes=45),
        summary="Interview: Acme, Inc.; round 2",
        description="Line one\nLine two",
        location="Main St. 1, Berlin",
        stamp=datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC),
    )

    text = render(event)

    [parsed] = parse(text)
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert parsed["DTSTART"] == "20260329T080000Z"
    assert parsed["DTEND"] == "20260329T084500Z"
    assert parsed["SUMMARY"] == "Interview: Acme\\, Inc.\\; round 2"
    assert parsed["DESCRIPTION"] == "Line one\\nLine two"
    assert parsed["STATUS"] == "CONFIRMED"


def test_ics_refuses_a_naive_start():
    with pytest.raises(ValueError):
        render(CalendarEvent(uid="x", start=datetime.datetime(2026, 1, 1), duration=datetime.timedelta(hours=1), summary="x"))


def test_fold_keeps_lines_within_75_octets_and_utf8_intact():
    line = "DESCRIPTION:" + "é" * 100

    folded = fold(line)

    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


def test_escape_text():
    assert escape_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"
