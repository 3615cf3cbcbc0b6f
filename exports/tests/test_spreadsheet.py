"""Reading a spreadsheet's CSV (pure: no database)."""

from __future__ import annotations

import datetime
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exports import spreadsheet
from exports.spreadsheet import SpreadsheetError, map_status, parse_date, read

pytestmark = pytest.mark.smoke


def test_read_maps_flexible_headers_and_values():
    data = (
        b"Employer;Job Title;Stage;Date Applied;Link;City;Comments;Priority;Tags;Salary\n"
        b"Acme;Backend Engineer;Phone screen;2026-03-01;acme.example/jobs/1;Berlin;Nice team;High;remote, python;90k\n"
    )

    parsed = read(data)

    assert parsed.columns == {
        "company_name": "Employer", "title": "Job Title", "status": "Stage", "applied_on": "Date Applied",
        "job_url": "Link", "location": "City", "notes": "Comments", "priority": "Priority", "tags": "Tags",
    }
    assert parsed.ignored == ["Salary"]
    assert [row.as_dict() for row in parsed.rows] == [
        {
            "line": 2,
            "values": {
                "company_name": "Acme", "title": "Backend Engineer", "location": "Berlin", "source": "",
                "notes": "Nice team", "status": "recruiter_screen", "applied_on": "2026-03-01",
                "job_url": "https://acme.example/jobs/1", "priority": "high", "tags": ["remote", "python"],
            },
            "errors": [],
        }
    ]


def test_read_reports_each_rows_errors():
    data = (
        b"Company,Position,Status,Date applied,URL,Priority\n"
        b",Engineer,Applied,,,\n"
        b"Beta,Analyst,Maybe later,31/31/2026,not a url,urgent\n"
    )

    rows = read(data).rows

    assert [(row.line, row.errors) for row in rows] == [
        (2, ["Company is empty."]),
        (3, [
            "Unknown status “Maybe later” (use e.g. Applied, Phone screen, Interviewing, Offer, Rejected).",
            "Unreadable date “31/31/2026” (use 2026-03-01).",
            "“not a url” is not a web address.",
            "Unknown priority “urgent” (use High, Normal or Low).",
        ]),
    ]


@pytest.mark.parametrize(
    ("wording", "status"),
    [("", "applied"), ("Submitted", "applied"), ("phone-screen", "recruiter_screen"), ("recruiter_screen", "recruiter_screen"),
     ("Technical interview", "interviewing"), ("Final round", "onsite"), ("OFFER", "offer"), ("Hired", "accepted"),
     ("Ghosted", "rejected"), ("Withdrew", "withdrawn"), ("Closed", "archived"), ("banana", None)],
)
def test_map_status(wording, status):
    assert map_status(wording) == status


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [("2026-03-04", False, (2026, 3, 4)), ("03/04/2026", False, (2026, 3, 4)), ("03/04/2026", True, (2026, 4, 3)),
     ("25.12.2025", False, (2025, 12, 25)), ("4 Mar 2026", False, (2026, 3, 4)), ("March 4, 2026", False, (2026, 3, 4)),
     ("2026-03-04 10:00", False, (2026, 3, 4)), ("3/4/26", False, (2026, 3, 4))],
)
def test_parse_date(text, day_first, expected):
    assert parse_date(text, day_first=day_first) == datetime.date(*expected)


def test_read_accepts_excel_exports_with_bom_cp1252_and_blank_lines():
    data = "\ufeffCompany,Position\r\nCafé Müller,Barista\r\n,\r\n".encode("utf-8")
    latin = "Company,Position\r\nCafé Müller,Barista\r\n".encode("cp1252")

    assert [r.values["company_name"] for r in read(data).rows] == ["Café Müller"]
    assert [r.values["company_name"] for r in read(latin).rows] == ["Café Müller"]


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "The file is empty."), (b"Name,Email\nx,y\n", "a Company column and a Position (or Title) column is needed"),
     (b"\x00\x01PK", "not text")],
)
def test_read_refuses_unusable_files(data, message):
    with pytest.raises(SpreadsheetError, match=re.escape(message)):
        read(data)


def test_read_refuses_too_many_rows(monkeypatch):
    monkeypatch.setattr(spreadsheet, "MAX_ROWS", 3)
    data = ("Company,Position\n" + "".join(f"C{n},T{n}\n" for n in range(4))).encode()

    with pytest.raises(SpreadsheetError, match="more than 3 rows"):
        read(data)


@given(st.binary(max_size=2000))
def test_read_never_crashes_on_arbitrary_bytes(data):
    try:
        parsed = read(b"Company,Position\n" + data)
    except SpreadsheetError:
        return
    assert all(isinstance(row.errors, list) for row in parsed.rows)
