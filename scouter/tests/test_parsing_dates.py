from datetime import UTC, date, datetime

import pytest

from scouter.parsing.dates import parse_date, parse_datetime


@pytest.mark.smoke
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-06-15T04:53:42-04:00", datetime(2026, 6, 15, 8, 53, 42, tzinfo=UTC)),  # Greenhouse board offset
        ("2026-07-26T20:49:11", datetime(2026, 7, 26, 20, 49, 11, tzinfo=UTC)),  # Remotive, no zone
        ("2025-08-04T14:13:21.8270", datetime(2025, 8, 4, 14, 13, 21, 827000, tzinfo=UTC)),  # USAJobs
        ("2020-12-03", datetime(2020, 12, 3, tzinfo=UTC)),  # date only
        ("2025-08-10T11:13:04Z", datetime(2025, 8, 10, 11, 13, 4, tzinfo=UTC)),  # Adzuna
        ("2025-07-30T16:02:52.271+00:00", datetime(2025, 7, 30, 16, 2, 52, 271000, tzinfo=UTC)),  # Ashby
        (1773522010, datetime(2026, 3, 14, 21, 0, 10, tzinfo=UTC)),  # epoch seconds
        (1553186035299, datetime(2019, 3, 21, 16, 33, 55, 299000, tzinfo=UTC)),  # Lever epoch ms
        ("1771162285", datetime(2026, 2, 15, 13, 31, 25, tzinfo=UTC)),  # numeric string
        ("Tue, 08 Nov 2022 00:08:24 +0000", datetime(2022, 11, 8, 0, 8, 24, tzinfo=UTC)),  # RSS RFC 822
        ("Fri, 10 Jul 2026 18:45:30 -0400", datetime(2026, 7, 10, 22, 45, 30, tzinfo=UTC)),
    ],
)
def test_parse_datetime_returns_aware_utc(value, expected):
    result = parse_datetime(value)

    assert result == expected
    assert result.tzinfo is UTC


@pytest.mark.parametrize("value", [None, "", "soon", 0, -5, True, "31/02/2026", [], "0001-01-01"])
def test_parse_datetime_rejects_junk(value):
    assert parse_datetime(value) is None


def test_parse_date_keeps_the_deadlines_own_calendar_day():
    assert parse_date("2026-08-03T23:59:59.9970") == date(2026, 8, 3)
    assert parse_date("2026-08-03T23:30:00-05:00") == date(2026, 8, 3)
    assert parse_date("2026-06-22") == date(2026, 6, 22)
    assert parse_date(1784174421) == date(2026, 7, 16)
    assert parse_date(None) is None
