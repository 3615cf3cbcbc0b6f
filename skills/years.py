"""Years of experience a posting asks for: "5+ years of Python", "3-5 years with AWS", "at least two years of React"."""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20,
    "a": 1, "an": 1,
}
_NUM = r"(?:\d{1,2}(?:\.\d)?|" + "|".join(w for w in _NUMBER_WORDS if len(w) > 2) + r")"
_YEARS_RE = re.compile(
    rf"(?P<lead>\bat least |\bminimum (?:of )?|\bmin\.? |\bover |\bmore than |\bmindestens )?"
    rf"\b(?P<low>{_NUM})(?:\s*\(\d{{1,2}}\))?\s*(?:\+|-?\s*plus)?\s*"
    rf"(?:(?:-|–|—|to)\s*(?P<high>{_NUM})\s*\+?\s*)?"
    rf"(?:\+\s*)?(?:years?|yrs?|jahre?n?)\b(?!\s+old)",
    re.IGNORECASE,
)
_MAX_YEARS = 25


@dataclass(frozen=True, slots=True)
class YearsMention:
    years: int
    start: int
    end: int


def _number(token: str) -> int | None:
    token = token.lower()
    if token in _NUMBER_WORDS:
        return _NUMBER_WORDS[token]
    try:
        return int(float(token))
    except ValueError:
        return None


def find_years(text: str) -> list[YearsMention]:
    """Every "N years" phrase in the text, as the minimum number of years it asks for."""
    mentions = []
    for m in _YEARS_RE.finditer(text):
        low = _number(m.group("low"))
        if low is None or not 0 < low <= _MAX_YEARS:
            continue
        mentions.append(YearsMention(low, m.start(), m.end()))
    return mentions


def parse_years(text: str) -> int | None:
    """The first number of years requested in a phrase, or None ("3-5 years experience" -> 3)."""
    mentions = find_years(text)
    return mentions[0].years if mentions else None
