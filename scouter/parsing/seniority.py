"""Seniority from titles and board levels, and the years of experience a posting asks for."""

from __future__ import annotations

import re

SENIORITY_LEVELS = ("entry", "mid", "senior", "lead", "executive")

_TITLE_RULES = (
    ("executive", r"\b(?:chief|c[etfiomp]o|vp|svp|evp|vice\s+president|head\s+of|director|president)\b"),
    ("lead", r"\b(?:lead|principal|staff|architect|engineering\s+manager|team\s+manager|tech\s+lead)\b"),
    ("senior", r"\b(?:senior|sr\.?|snr|expert)\b"),
    ("entry", r"\b(?:junior|jr\.?|intern(?:ship)?|graduate|grad|entry[- ]level|trainee|apprentice|werkstudent|working\s+student|praktikum|praktikant)\b"),
    ("mid", r"\b(?:mid(?:[- ]level)?|intermediate)\b"),
)  # fmt: skip
_TITLE_RES = tuple((level, re.compile(pattern, re.IGNORECASE)) for level, pattern in _TITLE_RULES)
# A trailing grade numeral: "Analyst I", "Engineer II", "Specialist III".
_GRADE = re.compile(r"\b(I|II|III|IV|V)\s*(?:\(|$|,|-)", re.MULTILINE)
_GRADE_LEVELS = {"I": "entry", "II": "mid", "III": "senior", "IV": "senior", "V": "lead"}
_ASSOCIATE_SENIOR = re.compile(r"\bassociate\s+(?:director|vp|vice|partner|principal)\b", re.IGNORECASE)
_HINTS = {
    "internship": "entry", "intern": "entry", "entry": "entry", "entry level": "entry", "junior": "entry",
    "associate": "entry", "graduate": "entry", "student": "entry",
    "mid": "mid", "mid level": "mid", "mid senior level": "mid", "intermediate": "mid", "experienced": "mid",
    "senior": "senior", "senior level": "senior",
    "lead": "lead", "management": "lead", "manager": "lead", "principal": "lead", "staff": "lead",
    "director": "executive", "executive": "executive", "c level": "executive", "vp": "executive",
}  # fmt: skip


def normalise_seniority_hint(value: object) -> str:
    """A board's level label ("Senior Level", "mid_senior_level", "Internship") as our vocabulary, or ""."""
    if not value:
        return ""
    key = re.sub(r"[\s_-]+", " ", str(value)).strip().lower()
    return _HINTS.get(key, "")


def guess_seniority(title: str, *, hints: list[str] | tuple[str, ...] = ()) -> str:
    """entry / mid / senior / lead / executive, or "" when nothing says.

    The title wins over the board's level: "Senior Engineering Manager" tagged
    "Mid Level" is still a lead role.
    """
    title = title or ""
    for level, pattern in _TITLE_RES:
        if pattern.search(title):
            return level
    if _ASSOCIATE_SENIOR.search(title):
        return "executive"
    grade = _GRADE.search(title)
    if grade:
        return _GRADE_LEVELS[grade.group(1)]
    for hint in hints:
        level = normalise_seniority_hint(hint)
        if level:
            return level
    return ""


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "twelve": 12, "fifteen": 15,
}  # fmt: skip
_NUM = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)"
_YEARS_RANGE = re.compile(
    rf"\b{_NUM}\s*\+?\s*(?:-|–|—|to)\s*{_NUM}\s*\+?\s*(?:or\s+more\s+)?(?:years?|yrs?)\b", re.IGNORECASE
)
_YEARS_MIN = re.compile(
    rf"(?:\b(?:at\s+least|minimum\s+(?:of\s+)?|min\.?\s+|over|more\s+than)\s*{_NUM}\s*\+?\s*(?:years?|yrs?)\b)"
    rf"|(?:\b{_NUM}\s*(?:\+|plus)\s*(?:years?|yrs?)\b)"
    rf"|(?:\b{_NUM}\s*(?:years?|yrs?)\s+(?:or\s+more|minimum|\+))"
    rf"|(?:\b{_NUM}\s*(?:years?|yrs?)(?:['’]s?)?\s+(?:of\s+)?(?:[\w+#./-]+\s+){{0,4}}(?:experience|exp\b|work))",
    re.IGNORECASE,
)
_EXPERIENCE_NEARBY = re.compile(
    r"experience|exp\b|background|track\s+record|working\s+(?:in|with|as)|professional", re.IGNORECASE
)


def _number(token: str | None) -> int | None:
    if not token:
        return None
    token = token.lower()
    return int(token) if token.isdigit() else _NUMBER_WORDS.get(token)


_YEAR_WORD = re.compile(r"\b(?:years?|yrs?)\b", re.IGNORECASE)


def extract_years(text: str | None) -> tuple[int | None, int | None]:
    """(years_min, years_max) from the first experience requirement stated, else (None, None).

    The patterns only run on short windows around the word "year", which keeps a
    long description from costing a full scan per pattern.
    """
    if not text:
        return None, None
    for anchor in _YEAR_WORD.finditer(text):
        start = max(0, anchor.start() - 60)
        window = text[start : anchor.end() + 100]
        found = _years_in(window, anchor.start() - start)
        if found is not None:
            return found
    return None, None


def _years_in(window: str, anchor: int) -> tuple[int | None, int | None] | None:
    """The requirement whose "years" word sits at ``anchor`` in the window, if it is one."""
    for match in _YEARS_RANGE.finditer(window):
        if not match.start() <= anchor <= match.end():
            continue
        after, before = window[match.end() : match.end() + 80], window[max(0, match.start() - 40) : match.start()]
        if _EXPERIENCE_NEARBY.search(after) or _EXPERIENCE_NEARBY.search(before):
            low, high = _number(match.group(1)), _number(match.group(2))
            if low is not None and high is not None and low <= high <= 40:
                return low, high
    for match in _YEARS_MIN.finditer(window):
        if not match.start() <= anchor <= match.end():
            continue
        value = next((_number(g) for g in match.groups() if g), None)
        if value is not None and value <= 40 and _EXPERIENCE_NEARBY.search(window[match.start() : match.end() + 80]):
            return value, None
    return None
