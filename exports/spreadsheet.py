"""Reading a job-search spreadsheet exported as CSV (pure: no ORM).

Headers are matched loosely ("Company", "Employer", "Position", "Job title",
"Date applied", ...), statuses are mapped onto the tracker's statuses
("Phone screen" → recruiter_screen, "Ghosted" → rejected, ...), and every row
gets its own list of errors; nothing is written here.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import urlsplit

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 1000
REQUIRED = ("company_name", "title")

HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "company_name": ("company", "company name", "employer", "organization", "organisation", "firm"),
    "title": ("position", "title", "job title", "role", "job", "position title", "job name"),
    "status": ("status", "stage", "state", "application status"),
    "applied_on": ("date applied", "applied", "applied on", "application date", "date", "applied date", "date of application"),
    "job_url": ("url", "link", "job url", "job link", "posting", "posting url", "job posting", "website"),
    "location": ("location", "city", "place", "where"),
    "notes": ("notes", "note", "comments", "comment", "details"),
    "priority": ("priority", "importance"),
    "source": ("source", "found on", "found via", "board", "job board", "channel"),
    "tags": ("tags", "labels", "tag"),
}
_HEADERS = {alias: name for name, aliases in HEADER_ALIASES.items() for alias in aliases}

STATUS_ALIASES: dict[str, tuple[str, ...]] = {
    "applied": ("applied", "submitted", "sent", "application sent", "new", "waiting", "pending", "open", "in progress"),
    "recruiter_screen": ("recruiter screen", "phone screen", "screen", "screening", "recruiter call", "hr call", "hr screen", "phone"),
    "interviewing": ("interviewing", "interview", "interviews", "technical", "tech screen", "technical interview", "take home"),
    "onsite": ("onsite", "on site", "final round", "final", "final interview", "loop"),
    "offer": ("offer", "offered", "offer received"),
    "accepted": ("accepted", "hired", "signed", "offer accepted"),
    "rejected": ("rejected", "declined", "rejection", "no", "ghosted", "not selected", "turned down"),
    "withdrawn": ("withdrawn", "withdrew", "cancelled", "canceled", "not interested"),
    "archived": ("archived", "closed", "expired"),
}
_STATUSES = {alias: status for status, aliases in STATUS_ALIASES.items() for alias in aliases}
PRIORITY_ALIASES = {"high": "high", "h": "high", "top": "high", "normal": "normal", "medium": "normal", "med": "normal",
                    "m": "normal", "low": "low", "l": "low"}
LIMITS = {"company_name": 200, "title": 300, "location": 300, "source": 120, "job_url": 2000, "notes": 20_000}
MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


class SpreadsheetError(ValueError):
    """The file as a whole cannot be read (too big, not text, no usable header)."""


@dataclass
class ParsedRow:
    line: int  # the line number a spreadsheet shows (the header is line 1)
    values: dict[str, Any]
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Parsed:
    columns: dict[str, str]  # field -> original header
    ignored: list[str]  # headers that match no field
    rows: list[ParsedRow]


def normalize_header(header: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", header.lower()).split())


def map_status(text: str) -> str | None:
    """The tracker status for a spreadsheet's wording; empty means applied; None when unknown."""
    key = normalize_header(text)
    if not key:
        return "applied"
    return _STATUSES.get(key)


def parse_date(text: str, *, day_first: bool = False) -> datetime.date:
    """ISO (2026-03-01), slashed or dotted numbers (03/01/2026: month first unless day_first, or
    when the first number cannot be a month), and month names (1 Mar 2026, March 1, 2026)."""
    value = text.strip()
    if not value:
        raise ValueError("empty date")
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?", value)
    if iso:
        return datetime.date(int(iso[1]), int(iso[2]), int(iso[3]))
    numeric = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})", value)
    if numeric:
        first, second, year = int(numeric[1]), int(numeric[2]), int(numeric[3])
        year += 2000 if year < 100 else 0
        month, day = (second, first) if day_first or first > 12 else (first, second)
        return datetime.date(year, month, day)
    words = re.findall(r"[a-z]+|\d+", value.lower())
    month = next((MONTHS[w[:3]] for w in words if w[:3] in MONTHS and not w.isdigit()), None)
    numbers = [int(w) for w in words if w.isdigit()]
    if month and len(numbers) == 2:
        day, year = (numbers[0], numbers[1]) if numbers[1] > 31 else (numbers[1], numbers[0])
        return datetime.date(year, month, day)
    raise ValueError(f"unrecognised date {value!r}")


def _url(text: str) -> str:
    value = text.strip()
    if value and "://" not in value and "." in value and " " not in value:
        value = f"https://{value}"
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError("not a web address")
    return value


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SpreadsheetError("The file is not text (save the spreadsheet as CSV).")


def _dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        return csv.excel


def read(data: bytes, *, day_first: bool = False) -> Parsed:
    """Parse the CSV bytes into rows with their errors. Raises SpreadsheetError for an unusable file."""
    if len(data) > MAX_BYTES:
        raise SpreadsheetError(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    if b"\x00" in data[:4096]:
        raise SpreadsheetError("The file is not text (save the spreadsheet as CSV).")
    text = _decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text[:4096]))
    try:
        header = next(reader)
    except StopIteration:
        raise SpreadsheetError("The file is empty.")
    except csv.Error as exc:
        raise SpreadsheetError(f"The file is not valid CSV ({exc}).")
    index: dict[int, str] = {}
    columns: dict[str, str] = {}
    ignored: list[str] = []
    for position, raw in enumerate(header):
        name = _HEADERS.get(normalize_header(raw))
        if name and name not in columns:
            index[position], columns[name] = name, raw.strip()
        elif raw.strip():
            ignored.append(raw.strip())
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        wanted = " and ".join({"company_name": "a Company column", "title": "a Position (or Title) column"}[m] for m in missing)
        raise SpreadsheetError(f"The first line must name the columns; {wanted} is needed.")
    rows: list[ParsedRow] = []
    try:
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            if len(rows) >= MAX_ROWS:
                raise SpreadsheetError(f"The file has more than {MAX_ROWS} rows; split it.")
            raw = {index[i]: cell.strip() for i, cell in enumerate(cells) if i in index}
            rows.append(clean_row(reader.line_num, raw, day_first=day_first))
    except csv.Error as exc:
        raise SpreadsheetError(f"The file is not valid CSV near line {reader.line_num} ({exc}).")
    return Parsed(columns, ignored, rows)


def clean_row(line: int, raw: dict[str, str], *, day_first: bool = False) -> ParsedRow:
    """One row's values in the tracker's terms, and what is wrong with it."""
    errors: list[str] = []
    values: dict[str, Any] = {
        "company_name": raw.get("company_name", ""),
        "title": raw.get("title", ""),
        "location": raw.get("location", ""),
        "source": raw.get("source", ""),
        "notes": raw.get("notes", ""),
    }
    if not values["company_name"]:
        errors.append("Company is empty.")
    if not values["title"]:
        errors.append("Position is empty.")
    for name, size in LIMITS.items():
        if name in values and len(values[name]) > size:
            errors.append(f"{name.replace('_name', '').replace('_', ' ').capitalize()} is longer than {size} characters.")
    status = map_status(raw.get("status", ""))
    if status is None:
        errors.append(f"Unknown status “{raw['status']}” (use e.g. Applied, Phone screen, Interviewing, Offer, Rejected).")
    values["status"] = status or "applied"
    values["applied_on"] = None
    if raw.get("applied_on"):
        try:
            values["applied_on"] = parse_date(raw["applied_on"], day_first=day_first).isoformat()
        except ValueError:
            errors.append(f"Unreadable date “{raw['applied_on']}” (use 2026-03-01).")
    values["job_url"] = ""
    if raw.get("job_url"):
        try:
            values["job_url"] = _url(raw["job_url"])
            if len(values["job_url"]) > LIMITS["job_url"]:
                errors.append("URL is too long.")
        except ValueError:
            errors.append(f"“{raw['job_url'][:80]}” is not a web address.")
    priority = raw.get("priority", "").lower()
    values["priority"] = PRIORITY_ALIASES.get(priority, "normal") if priority else "normal"
    if priority and priority not in PRIORITY_ALIASES:
        errors.append(f"Unknown priority “{raw['priority']}” (use High, Normal or Low).")
    values["tags"] = [t.strip() for t in re.split(r"[;,]", raw.get("tags", "")) if t.strip()][:50]
    return ParsedRow(line, values, errors)
