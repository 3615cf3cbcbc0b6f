"""Roles from an experience section: title, company, location, dates and bullets.

Each role is anchored on a line holding a date range. The lines right around
it that are not bullets carry the title, company and location, in whatever
order the layout uses ("Title — Company", "Company, City  2019-2021" then the
title on the next line, "Title at Company (2015 – 2018)").
"""

from __future__ import annotations

import re

from personas.resume_import.dates import find_range
from personas.resume_import.draft import DraftRole
from personas.resume_import.sections import is_bullet, strip_bullet

COMPANY_HINTS = re.compile(
    r"\b(inc|llc|ltd|gmbh|ag|corp|corporation|co|company|group|labs?|technologies|systems|solutions|software|"
    r"studios?|bank|university|agency|partners|plc|sa|bv|oy|ab|holdings|health|hospital|foundation)\b\.?",
    re.IGNORECASE,
)
TITLE_HINTS = re.compile(
    r"\b(engineer|developer|manager|analyst|designer|director|lead|consultant|intern|specialist|scientist|architect|"
    r"administrator|coordinator|officer|head|vp|vice president|president|associate|assistant|teacher|nurse|"
    r"programmer|technician|writer|editor|researcher|owner|founder|cto|ceo|cfo|sre|devops|recruiter|accountant|"
    r"representative|advisor|strategist|producer|principal|staff|senior|junior)\b",
    re.IGNORECASE,
)
PART_SPLIT_RE = re.compile(r"\s+(?:—|–|-|\||@|·)\s+|\s+at\s+|\t|\s{3,}")
EMPTY_PARENS_RE = re.compile(r"\(\s*\)|\[\s*\]")
CITY_RE = re.compile(r"^[A-Z][A-Za-z .'-]+,\s*[A-Z][A-Za-z .'-]+$|^(remote|hybrid|on-?site)$", re.IGNORECASE)


def parse_roles(lines: list[str]) -> list[DraftRole]:
    lines = [ln for ln in (line.strip() for line in lines) if ln]
    anchors = [i for i, line in enumerate(lines) if not is_bullet(line) and find_range(line)]
    roles: list[DraftRole] = []
    taken: set[int] = set()
    for n, i in enumerate(anchors):
        next_anchor = anchors[n + 1] if n + 1 < len(anchors) else len(lines)
        above = _header_lines_above(lines, i, taken)
        below, body_start = _header_lines_below(lines, i, next_anchor)
        next_header = _header_lines_above(lines, next_anchor, set()) if next_anchor < len(lines) else []
        body_end = max(body_start, next_anchor - len(next_header))
        taken.update(range(i - len(above), body_end))
        roles.append(_role(lines[i], above, below, lines[body_start:body_end]))
    return roles


def _header_lines_above(lines: list[str], i: int, taken: set[int]) -> list[str]:
    found: list[str] = []
    j = i - 1
    while j >= 0 and len(found) < 2 and j not in taken and not is_bullet(lines[j]) and not find_range(lines[j]):
        if len(lines[j]) > 90:  # a sentence from the previous role, not a header
            break
        found.insert(0, lines[j])
        j -= 1
    return found


def _header_lines_below(lines: list[str], i: int, next_anchor: int) -> tuple[list[str], int]:
    found: list[str] = []
    j = i + 1
    while j < next_anchor and len(found) < 2 and not is_bullet(lines[j]) and len(lines[j]) <= 90:
        # A line that sits right above the next anchor belongs to the next role.
        if j + 1 == next_anchor or (j + 2 == next_anchor and not is_bullet(lines[j + 1])):
            break
        found.append(lines[j])
        j += 1
    return found, j


def _role(anchor: str, above: list[str], below: list[str], body: list[str]) -> DraftRole:
    dates = find_range(anchor)
    assert dates is not None  # anchors are chosen by having a range
    rest = EMPTY_PARENS_RE.sub("", anchor[: dates.span[0]] + " " + anchor[dates.span[1] :]).strip(" ,|–—-()")
    parts = [p.strip(" ,()") for line in [*above, rest, *below] for p in PART_SPLIT_RE.split(line) if p.strip(" ,()")]
    role = DraftRole(start=dates.start, end=dates.end, is_current=dates.is_current)
    _assign_parts(role, parts, explicit_at=" at " in " ".join([*above, rest, *below]))
    role.bullets = _bullets(body)
    return role


def _assign_parts(role: DraftRole, parts: list[str], *, explicit_at: bool) -> None:
    rest: list[str] = []
    for part in parts:
        if not role.location and CITY_RE.match(part) and not _is_company_with_city(part, parts):
            role.location = part
        elif not role.location and "," in part and not TITLE_HINTS.search(part):
            company, city = (s.strip() for s in part.split(",", 1))  # "Acme GmbH, Berlin"
            rest.append(company)
            role.location = city
        else:
            rest.append(part)
    for part in rest:
        if not role.company and COMPANY_HINTS.search(part) and not TITLE_HINTS.search(part):
            role.company = part
        elif not role.title and TITLE_HINTS.search(part):
            role.title = part
    leftovers = [p for p in rest if p not in {role.title, role.company}]
    if explicit_at or not role.title:
        # "Title at Company" / "Title — Company": the first free part is the title.
        for part in leftovers[:]:
            if not role.title:
                role.title = part
                leftovers.remove(part)
    if not role.company and leftovers:
        role.company = leftovers[0]


def _is_company_with_city(part: str, parts: list[str]) -> bool:
    """ "Kite Studio, Warsaw" is a company and its city when nothing else on the header names a company."""
    if "," not in part:
        return False
    left = part.split(",", 1)[0]
    if COMPANY_HINTS.search(left):
        return True
    others = [p for p in parts if p != part and not TITLE_HINTS.search(p)]
    return not others


def _bullets(body: list[str]) -> list[str]:
    bullets: list[str] = []
    for line in body:
        if is_bullet(line):
            bullets.append(strip_bullet(line))
        elif bullets and (line[:1].islower() or not bullets[-1].endswith((".", "!", "?"))):
            bullets[-1] = f"{bullets[-1]} {line}"  # a wrapped bullet continues on the next line
        elif line:
            bullets.append(line)
    return [b for b in bullets if b]
