"""Education, certifications and skills sections."""

from __future__ import annotations

import re

from personas.resume_import.dates import YEAR_RE, last_year
from personas.resume_import.draft import DraftCertification, DraftEducation
from personas.resume_import.sections import is_bullet, strip_bullet

INSTITUTION_RE = re.compile(
    r"\b(university|college|institute|school|academy|polytechnic|universit[äa]t|hochschule|école|ecole)\b",
    re.IGNORECASE,
)
DEGREE_RE = re.compile(
    r"\b(bachelor(?:'s)?|master(?:'s)?|doctor(?:ate)?|ph\.?\s?d\.?|mba|m\.?sc\.?|b\.?sc\.?|b\.?a\.?|m\.?a\.?|b\.?s\.?|m\.?s\.?|"
    r"b\.?eng\.?|m\.?eng\.?|associate(?:'s)?|diploma|a\.?a\.?s\.?|high school)(?=\s|,|$|\.|\))",
    re.IGNORECASE,
)
SPLIT_RE = re.compile(r"\s+(?:—|–|-|\||·)\s+|\t|\s{3,}|,\s+(?=[A-Z])")
FIELD_RES = (re.compile(r"\bin\s+(.+)$", re.IGNORECASE), re.compile(r"\bof\s+(.+)$", re.IGNORECASE))
SKILL_SPLIT_RE = re.compile(r"\s*(?:,|;|\||•|·|▪|/(?=\s))\s*")


def parse_education(lines: list[str]) -> list[DraftEducation]:
    entries: list[DraftEducation] = []
    current: DraftEducation | None = None
    for raw in lines:
        line = strip_bullet(raw) if is_bullet(raw) else raw.strip()
        if not line:
            continue
        parts = [p.strip(" ,()") for p in SPLIT_RE.split(YEAR_RE.sub(" ", line)) if p.strip(" ,()–-")]
        institution = next((p for p in parts if INSTITUTION_RE.search(p)), "")
        degree = next((p for p in parts if DEGREE_RE.search(p) and p != institution), "")
        starts_entry = (
            institution and (current is None or current.institution) or (degree and (current is None or current.degree))
        )
        if starts_entry:
            current = DraftEducation()
            entries.append(current)
        if current is None:
            continue
        current.institution = current.institution or institution
        if degree and not current.degree:
            current.degree, current.field_of_study = _split_degree(degree)
        current.graduation_year = last_year(line) or current.graduation_year
    return [e for e in entries if e.institution or e.degree]


def _split_degree(text: str) -> tuple[str, str]:
    for field_re in FIELD_RES:  # "Master of Arts in Design": the field follows "in" before "of"
        m = field_re.search(text)
        if m and DEGREE_RE.search(text[: m.start()]):
            return text[: m.start()].strip(" ,"), m.group(1).strip(" ,")
    return text, ""


def parse_certifications(lines: list[str]) -> list[DraftCertification]:
    certs = []
    for raw in lines:
        line = strip_bullet(raw) if is_bullet(raw) else raw.strip()
        if not line:
            continue
        year = last_year(line)
        text = YEAR_RE.sub("", line).strip(" ,()–-")
        # "Name, Issuer" (the last comma) or "Name — Issuer"; names may contain dashes ("Architect – Associate").
        if "," in text:
            name, issuer = (p.strip(" ,()") for p in text.rsplit(",", 1))
        else:
            pieces = re.split(r"\s+(?:—|\|)\s+", text, maxsplit=1)
            name, issuer = pieces[0].strip(), (pieces[1].strip() if len(pieces) > 1 else "")
        certs.append(DraftCertification(name=name or text, issuer=issuer, year=year))
    return certs


def split_skill_lines(lines: list[str]) -> list[str]:
    """Skills listed in a skills section: "Languages: Python, Go" → ["Python", "Go"]."""
    found: list[str] = []
    for raw in lines:
        line = strip_bullet(raw) if is_bullet(raw) else raw.strip()
        if ":" in line:
            line = line.split(":", 1)[1]
        for piece in SKILL_SPLIT_RE.split(line):
            piece = piece.strip(" .()")
            if piece and len(piece) <= 40 and len(piece.split()) <= 4:
                found.append(piece)
    return found
