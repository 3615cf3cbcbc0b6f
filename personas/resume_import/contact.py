"""Contact details from the top of a resume: name, email, phone, links, home location."""

from __future__ import annotations

import re

EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
PHONE_RE = re.compile(r"(?<![\w/])(\+?\d[\d\s().-]{7,}\d)(?![\w/])")
LINKEDIN_RE = re.compile(r"(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/in/[A-Za-z0-9_%-]+/?", re.IGNORECASE)
URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s|,;]+|\b[a-z0-9-]+\.(?:dev|io|me|com|net|org|page|site)(?:/[^\s|,;]*)?\b", re.IGNORECASE
)
NAME_RE = re.compile(r"^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’.-]*(?:\s+[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’.-]*){1,3}$")
PLACE_RE = re.compile(r"^([A-Z][A-Za-zÀ-ÿ .'-]+),\s*([A-Z][A-Za-zÀ-ÿ .'-]*)(?:,\s*([A-Z][A-Za-zÀ-ÿ .'-]+))?$")
SEGMENT_SPLIT_RE = re.compile(r"\s*(?:\||•|·|◦|▪|\t|\s{3,})\s*")

# fmt: off
US_STATES = frozenset([
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
    "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK",
    "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC",
])
CA_PROVINCES = frozenset(["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"])
# fmt: on


# Contact details sit on short lines near the top; looking only there keeps every pattern cheap.
MAX_CONTACT_LINE = 300
MAX_CONTACT_LINES = 400


def _contact_lines(text: str) -> list[str]:
    return [line for line in text.splitlines()[:MAX_CONTACT_LINES] if len(line) <= MAX_CONTACT_LINE]


def segments(line: str) -> list[str]:
    """Split a header line like "a@b.com | +1 555 | Austin, TX" into its pieces."""
    return [s.strip() for s in SEGMENT_SPLIT_RE.split(line) if s.strip()]


def find_email(text: str) -> str:
    for line in _contact_lines(text):
        if "@" in line and (m := EMAIL_RE.search(line)):
            return m.group(0).lower()
    return ""


def find_phone(text: str) -> str:
    for m in (m for line in _contact_lines(text) for m in PHONE_RE.finditer(line)):
        candidate = m.group(1).strip()
        digits = re.sub(r"\D", "", candidate)
        # Year ranges ("2019 - 2021") are digits too; a phone has 8 to 15 digits and no year-range look.
        if 8 <= len(digits) <= 15 and not re.fullmatch(r"(19|20)\d{2}\s*[-–]\s*(19|20)\d{2}", candidate):
            return candidate
    return ""


def find_linkedin(text: str) -> str:
    for line in _contact_lines(text):
        if "linkedin" in line.lower() and (m := LINKEDIN_RE.search(line)):
            return _as_url(m.group(0).rstrip("/"))
    return ""


def find_portfolio(text: str, *, email: str) -> str:
    email_domain = email.split("@")[-1] if email else ""
    for line in _contact_lines(text):
        for m in URL_RE.finditer(line):
            url = m.group(0).rstrip(".")
            lowered = url.lower()
            if "linkedin.com" in lowered or "@" in url or (email_domain and lowered == email_domain):
                continue
            if m.start() and line[m.start() - 1] == "@":
                continue
            return _as_url(url)
    return ""


def find_name(header_lines: list[str]) -> str:
    """The first header line that reads like a person's name."""
    for line in (h for h in header_lines[:6] if len(h) <= MAX_CONTACT_LINE):
        candidate = segments(line)[0] if segments(line) else ""
        if EMAIL_RE.search(candidate) or any(ch.isdigit() for ch in candidate):
            continue
        if NAME_RE.match(candidate):
            return candidate.title() if candidate.isupper() else candidate
    return ""


def find_place(header_lines: list[str]) -> tuple[str, str, str]:
    """(city, state, country) from a header segment like "Austin, TX" or "Berlin, Germany"."""
    for line in (h for h in header_lines[:8] if len(h) <= MAX_CONTACT_LINE):
        for segment in segments(line):
            if EMAIL_RE.search(segment) or URL_RE.search(segment) or any(ch.isdigit() for ch in segment):
                continue
            m = PLACE_RE.match(segment)
            if not m:
                continue
            city, second, third = (g.strip() if g else "" for g in m.groups())
            if third:
                return city, second, third
            if second.upper() in US_STATES and len(second) == 2:
                return city, second.upper(), "United States"
            if second.upper() in CA_PROVINCES and len(second) == 2:
                return city, second.upper(), "Canada"
            return city, "", second
    return "", "", ""


def _as_url(value: str) -> str:
    return value if value.lower().startswith(("http://", "https://")) else f"https://{value}"
