"""Salaries from structured fields or free text: amounts, range, period and currency.

Amounts are kept as the board gave them (not annualised) together with the
period they are quoted in, so "$18 - $22/hr" stays 18–22 per hour. When the
text names no period, the magnitude decides: under 200 is hourly, under 1,000
daily, anything else yearly (months are only ever taken when stated).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import pycountry

PERIODS = ("year", "month", "week", "day", "hour")


@dataclass(frozen=True)
class Salary:
    minimum: Decimal | None
    maximum: Decimal | None
    currency: str = ""
    period: str = ""
    is_estimated: bool = False


_SYMBOLS = {
    "US$": "USD", "USD$": "USD", "CA$": "CAD", "C$": "CAD", "CAD$": "CAD", "AU$": "AUD", "A$": "AUD",
    "NZ$": "NZD", "S$": "SGD", "SG$": "SGD", "HK$": "HKD", "R$": "BRL", "MX$": "MXN",
    "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₪": "ILS",
    "zł": "PLN", "₱": "PHP", "₦": "NGN", "₺": "TRY", "₫": "VND", "฿": "THB",
}  # fmt: skip
_CODES = (
    "USD|EUR|GBP|CAD|AUD|NZD|CHF|SEK|NOK|DKK|PLN|CZK|HUF|RON|BGN|INR|JPY|CNY|SGD|HKD|BRL|MXN|ARS|"
    "COP|CLP|PEN|ZAR|NGN|KES|ILS|AED|SAR|TRY|PHP|IDR|MYR|THB|VND|KRW|TWD|UAH|RUB|EGP|PKR|BDT|LKR"
)
_SYMBOL_PATTERN = "|".join(re.escape(s) for s in sorted(_SYMBOLS, key=len, reverse=True))
_CURRENCY = rf"(?:{_SYMBOL_PATTERN}|\b(?:{_CODES})\b)"
_NUMBER = r"\d{1,3}(?:[,.\u202f ]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
_AMOUNT = rf"(?P<NAME_cur1>{_CURRENCY})?\s?(?P<NAME>{_NUMBER})\s?(?P<NAME_mult>[kKmM](?![a-zA-Z]))?\s?(?P<NAME_cur2>{_CURRENCY})?"
_SEPARATOR = r"\s*(?:-|–|—|to|bis|and)\s*"
_PERIOD_WORDS = {
    "hour": r"(?:/\s*|per\s+|an\s+|a\s+|each\s+)(?:hour|hr|h)\b|\bhourly\b|\bph\b|/h\b",
    "day": r"(?:/\s*|per\s+|a\s+)(?:day|diem)\b|\bdaily\b|\bper\s+diem\b",
    "week": r"(?:/\s*|per\s+|a\s+)(?:week|wk)\b|\bweekly\b",
    "month": r"(?:/\s*|per\s+|a\s+)(?:month|mo|mth)\b|\bmonthly\b|\bp\.?m\.?\b",
    "year": r"(?:/\s*|per\s+|a\s+)(?:year|yr|annum|an)\b|\bannual(?:ly)?\b|\byearly\b|\bp\.?a\.?\b|\bpa\b|\bsalary\b",
}
_PERIOD_RES = {period: re.compile(pattern, re.IGNORECASE) for period, pattern in _PERIOD_WORDS.items()}
_RANGE_RE = re.compile(_AMOUNT.replace("NAME", "low") + rf"(?:{_SEPARATOR}" + _AMOUNT.replace("NAME", "high") + ")?")
_UP_TO_RE = re.compile(r"\b(?:up\s+to|max(?:imum)?|no\s+more\s+than)\s*$", re.IGNORECASE)
_FROM_RE = re.compile(r"\b(?:from|starting\s+at|min(?:imum)?|at\s+least)\s*$", re.IGNORECASE)
_INTERVAL_WORDS = {
    "year": "year", "years": "year", "annual": "year", "annually": "year", "yearly": "year", "per-year-salary": "year",
    "pa": "year", "per year": "year", "salary": "year", "salaried": "year", "1 year": "year", "annum": "year",
    "month": "month", "monthly": "month", "per-month-salary": "month", "1 month": "month", "pm": "month", "per month": "month",
    "week": "week", "weekly": "week", "per-week-salary": "week", "1 week": "week", "per week": "week",
    "day": "day", "daily": "day", "per-day-wage": "day", "1 day": "day", "per day": "day", "pd": "day",
    "hour": "hour", "hourly": "hour", "per-hour-wage": "hour", "1 hour": "hour", "ph": "hour", "per hour": "hour",
}  # fmt: skip


def normalise_period(value: object) -> str:
    """Map a board's interval label ("PA", "per-year-salary", "HOURLY", "1 YEAR") to our vocabulary."""
    if not value:
        return ""
    key = re.sub(r"\s+", " ", str(value).strip().lower())
    if key in _INTERVAL_WORDS:
        return _INTERVAL_WORDS[key]
    for word, period in _INTERVAL_WORDS.items():
        if len(word) > 3 and word in key:
            return period
    return ""


def normalise_currency(value: object) -> str:
    """An ISO 4217 code from a code or a symbol, or "" when unknown."""
    if not value:
        return ""
    text = str(value).strip()
    if text in _SYMBOLS:
        return _SYMBOLS[text]
    code = text.upper()
    if len(code) == 3 and code.isalpha() and pycountry.currencies.get(alpha_3=code) is not None:
        return code
    return ""


def infer_period(amount: Decimal | None) -> str:
    if amount is None:
        return ""
    if amount < 200:
        return "hour"
    if amount < 1000:
        return "day"
    return "year"


def to_decimal(value: object) -> Decimal | None:
    """A positive amount from a number or numeric string; 0, negatives and junk are 'not given'."""
    if value is None or isinstance(value, bool):
        return None
    try:
        amount = Decimal(str(value).strip().replace(",", ""))
    except (InvalidOperation, ValueError):
        return None
    if not amount.is_finite() or amount <= 0:
        return None
    return amount.quantize(Decimal("0.01")).normalize() if amount != amount.to_integral() else amount.to_integral()


def salary_from_fields(
    minimum: object,
    maximum: object,
    *,
    currency: object = "",
    period: object = "",
    is_estimated: bool = False,
    default_currency: str = "",
) -> Salary | None:
    """A salary from numeric fields (0 or empty means not given); None when neither bound is usable."""
    low, high = to_decimal(minimum), to_decimal(maximum)
    if low is None and high is None:
        return None
    if low is not None and high is not None and low > high:
        low, high = high, low
    period_value = normalise_period(period) or infer_period(high or low)
    return Salary(low, high, normalise_currency(currency) or default_currency, period_value, is_estimated)


def _amount(match: re.Match, name: str) -> Decimal | None:
    raw = match.group(name)
    if raw is None:
        return None
    text = raw.replace("\u202f", "").replace(" ", "")
    # "31,2k" is a decimal comma; "120,000" and "1.200.000" are thousands separators.
    if re.fullmatch(r"\d+,\d{1,2}", text):
        text = text.replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        text = text.replace(".", "")
    else:
        text = text.replace(",", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    multiplier = (match.group(f"{name}_mult") or "").lower()
    if multiplier == "k":
        value *= 1000
    elif multiplier == "m":
        value *= 1_000_000
    return value


def _tidy(value: Decimal | None) -> Decimal | None:
    if value is None:
        return None
    return value.to_integral() if value == value.to_integral() else value.normalize()


def _period_near(text: str) -> str:
    for period in ("hour", "day", "week", "month"):
        if _PERIOD_RES[period].search(text):
            return period
    return "year" if _PERIOD_RES["year"].search(text) else ""


def parse_salary_text(text: str | None, *, default_currency: str = "", require_currency: bool = False) -> Salary | None:
    """The first salary in a short text ("$30k - $100k", "up to $19/hour", "€80k-€110k", "USD 120,000–150,000 per year").

    ``require_currency`` only accepts amounts with a currency marker, which is how
    salaries are picked out of long descriptions without mistaking "5 years" for one.
    """
    if not text:
        return None
    source = str(text).replace("\xa0", " ")
    for match in _RANGE_RE.finditer(source):
        salary = _salary_from_match(match, source, default_currency=default_currency, require_currency=require_currency)
        if salary is not None:
            return salary
    return None


def _salary_from_match(match: re.Match, source: str, *, default_currency: str, require_currency: bool) -> Salary | None:
    currency_mark = next(
        (match.group(g) for g in ("low_cur1", "low_cur2", "high_cur1", "high_cur2") if match.group(g)),
        None,
    )
    if currency_mark is None and require_currency:
        return None
    low, high = _amount(match, "low"), _amount(match, "high")
    if low is None:
        return None
    has_high = high is not None
    if has_high:
        # "$100 - 150k": a multiplier written once applies to both ends.
        if match.group("high_mult") and not match.group("low_mult") and low < 1000 <= high:
            low *= 1000 if match.group("high_mult").lower() == "k" else 1_000_000
        if low > high:
            low, high = high, low
    if (high or low) < 1 or (not has_high and currency_mark is None and (match.group("low_mult") is None)):
        return None
    tail = source[match.end() : match.end() + 40]
    head = source[max(0, match.start() - 30) : match.start()]
    period = _period_near(tail) or _period_near(head) or infer_period(high or low)
    currency = normalise_currency(currency_mark) if currency_mark else default_currency
    low, high = _tidy(low), _tidy(high)
    if not has_high:
        if _UP_TO_RE.search(head):
            return Salary(None, low, currency, period)
        if _FROM_RE.search(head):
            return Salary(low, None, currency, period)
        return Salary(low, low, currency, period)
    return Salary(low, high, currency, period)


_SALARY_CUE = re.compile(
    r"salary|compensation|pay\s+range|pay\s+rate|base\s+pay|hourly\s+rate|wage|remuneration|\bOTE\b|per\s+(?:year|hour|annum)|/\s*(?:yr|year|hr|hour)",
    re.IGNORECASE,
)


_NOT_SALARY = re.compile(
    r"budget|stipend|allowance|bonus|reimburse|equity|relocation|referral|401|signing|raised|funding|revenue|valuation|\bARR\b",
    re.IGNORECASE,
)


def find_salary_in_text(text: str | None, *, default_currency: str = "") -> Salary | None:
    """A salary stated in a long description: on a line with a salary cue word (or the
    line right after a cue-only heading such as "Pay range"), and never an amount whose
    own label speaks of budgets, bonuses or funding."""
    if not text:
        return None
    source = text.replace("\xa0", " ")
    seen_lines: set[int] = set()
    for cue in _SALARY_CUE.finditer(source):
        line_start = source.rfind("\n", 0, cue.start()) + 1
        if line_start in seen_lines:
            continue
        seen_lines.add(line_start)
        line_end = source.find("\n", cue.end())
        line_end = len(source) if line_end == -1 else line_end
        next_end = source.find("\n", line_end + 1)
        following = source[line_end + 1 : len(source) if next_end == -1 else next_end]
        for candidate in (source[line_start:line_end].strip(), following.strip()):
            for match in _RANGE_RE.finditer(candidate):
                if _NOT_SALARY.search(candidate[max(0, match.start() - 60) : match.start()]):
                    continue
                salary = _salary_from_match(match, candidate, default_currency=default_currency, require_currency=True)
                if salary is not None and (salary.maximum or salary.minimum or 0) >= 5:
                    return salary
    return None
