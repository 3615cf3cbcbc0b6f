"""A first reading of a pasted job posting (pure; no ORM, no LLM): the preview the user confirms or edits.

Rules, in order of trust: labelled lines ("Company: Acme", "Location: Berlin",
"Salary: $120k - $150k"), then the usual shape of a copied page (the title on
the first line, "Company · Location" or "at Company" on the next ones), then
keywords for the work model. Whatever is wrong the user fixes on confirm.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from skills.extract import extract_skills

SNIPPET_CHARS = 500

_LABEL = re.compile(r"^\s*(?P<label>job title|title|position|role|company|employer|organization|location|salary|pay|compensation)\s*[:\-–]\s*(?P<value>.+?)\s*$", re.I | re.M)
_AT_COMPANY = re.compile(r"^\s*(?:at|@)\s+(?P<company>[^\n|·•,]{2,80})", re.I)
_SEPARATED = re.compile(r"^(?P<a>[^\n|·•]{2,80})\s*[|·•]\s*(?P<b>[^\n|·•]{2,80})")
_MONEY = re.compile(
    r"(?P<cur>[$€£]|usd|eur|gbp|cad|aud|inr)?\s*(?P<min>\d[\d,.]*)\s*(?P<k1>k)?\s*(?:-|–|to)\s*(?P<cur2>[$€£])?\s*(?P<max>\d[\d,.]*)\s*(?P<k2>k)?"
    r"(?:\s*(?P<cur3>usd|eur|gbp|cad|aud|inr))?(?:\s*(?:per|/|a)\s*(?P<period>year|yr|annum|month|mo|week|day|hour|hr))?",
    re.I,
)
_CURRENCY = {"$": "USD", "€": "EUR", "£": "GBP"}
_PERIOD = {"year": "year", "yr": "year", "annum": "year", "month": "month", "mo": "month", "week": "week", "day": "day", "hour": "hour", "hr": "hour"}


@dataclass
class PastePreview:
    title: str = ""
    company_name: str = ""
    location: str = ""
    salary_min: str | None = None
    salary_max: str | None = None
    salary_currency: str = ""
    salary_period: str = ""
    work_model: str = "unknown"
    skills: list[str] = field(default_factory=list)
    snippet: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def _amount(number: str, thousands: str | None) -> Decimal | None:
    cleaned = number.replace(",", "")
    try:
        value = Decimal(cleaned)
    except ArithmeticError:
        return None
    return value * 1000 if thousands else value


def parse_salary(text: str) -> tuple[Decimal | None, Decimal | None, str, str]:
    """(min, max, currency, period) of the first salary range in the text; Nones when there is none."""
    for match in _MONEY.finditer(text):
        currency = match["cur"] or match["cur2"] or match["cur3"]
        if not currency and not match["period"]:
            continue  # "3-5 years" is not a salary
        low, high = _amount(match["min"], match["k1"] or match["k2"]), _amount(match["max"], match["k2"])
        if low is None or high is None or high < low or high < 10:
            continue
        code = _CURRENCY.get(currency or "", (currency or "").upper())
        period = _PERIOD.get((match["period"] or "").lower(), "year" if high >= 1000 else "")
        return low, high, code, period
    return None, None, "", ""


def work_model_of(text: str) -> str:
    lowered = text.lower()
    if "hybrid" in lowered:
        return "hybrid"
    if re.search(r"\b(fully remote|remote[- ]first|100% remote|work from anywhere|remote)\b", lowered):
        return "remote"
    if re.search(r"\b(on-?site|in[- ]office|in person)\b", lowered):
        return "onsite"
    return "unknown"


def parse_pasted(text: str) -> PastePreview:
    """The preview of a pasted posting: labelled facts first, then the page's usual shape."""
    preview = PastePreview()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for match in _LABEL.finditer(text):
        label, value = match["label"].lower(), match["value"][:200]
        if label in ("job title", "title", "position", "role") and not preview.title:
            preview.title = value
        elif label in ("company", "employer", "organization") and not preview.company_name:
            preview.company_name = value
        elif label == "location" and not preview.location:
            preview.location = value
    if not preview.title and lines:
        preview.title = lines[0][:200]
    for line in lines[1:4]:
        at = _AT_COMPANY.match(line)
        rest = line[at.start("company") :] if at else line
        if m := _SEPARATED.match(rest):  # "Acme · Berlin" or "at Acme | Remote"
            preview.company_name = preview.company_name or m["a"].strip()
            preview.location = preview.location or m["b"].strip()
        elif at and not preview.company_name:
            preview.company_name = at["company"].strip()
    low, high, currency, period = parse_salary(text)
    preview.salary_min = str(low) if low is not None else None
    preview.salary_max = str(high) if high is not None else None
    preview.salary_currency, preview.salary_period = currency, period
    preview.work_model = work_model_of(text)
    preview.skills = [s.name for s in extract_skills(text, None, title=preview.title)][:100]
    preview.snippet = " ".join(text.split())[:SNIPPET_CHARS]
    return preview
