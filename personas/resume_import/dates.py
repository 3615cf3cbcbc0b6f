"""Date ranges as resumes write them: "Jan 2020 – Present", "03/2018 - 06/2021", "2015 to 2018"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from personas.resume_import.draft import YearMonth

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

_MONTH_NAME = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_YEAR = r"(?:19|20)\d{2}"
_POINT = rf"(?:{_MONTH_NAME}\s+{_YEAR}|\d{{1,2}}/{_YEAR}|{_YEAR}-\d{{2}}|{_YEAR})"
_OPEN_END = r"(?:present|current|now|today|ongoing)"
_SEPARATOR = r"\s*(?:-|–|—|to|until|till)\s*"

RANGE_RE = re.compile(rf"(?P<start>{_POINT}){_SEPARATOR}(?P<end>{_POINT}|{_OPEN_END})", re.IGNORECASE)
YEAR_RE = re.compile(rf"\b({_YEAR})\b")


@dataclass(frozen=True)
class DateRange:
    start: YearMonth
    end: YearMonth | None
    is_current: bool
    span: tuple[int, int]


def parse_point(text: str) -> YearMonth | None:
    """One date: "Jan 2020", "January 2020", "01/2020", "2020-01" or "2020"."""
    text = text.strip().lower().rstrip(".")
    if m := re.fullmatch(rf"({_MONTH_NAME})\s+({_YEAR})", text):
        month = MONTHS.get(m.group(1).rstrip(".")[:4]) or MONTHS.get(m.group(1)[:3])
        return int(m.group(2)), month
    if m := re.fullmatch(rf"(\d{{1,2}})/({_YEAR})", text):
        month = int(m.group(1))
        return int(m.group(2)), month if 1 <= month <= 12 else None
    if m := re.fullmatch(rf"({_YEAR})-(\d{{2}})", text):
        month = int(m.group(2))
        return int(m.group(1)), month if 1 <= month <= 12 else None
    if re.fullmatch(_YEAR, text):
        return int(text), None
    return None


def find_range(line: str) -> DateRange | None:
    """The first date range in `line`, or None."""
    m = RANGE_RE.search(line)
    if not m:
        return None
    start = parse_point(m.group("start"))
    if start is None:
        return None
    end_text = m.group("end")
    end = parse_point(end_text)
    return DateRange(start=start, end=end, is_current=end is None, span=m.span())


def last_year(line: str) -> int | None:
    years = YEAR_RE.findall(line)
    return int(years[-1]) if years else None
