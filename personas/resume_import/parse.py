"""Plain resume text → ResumeDraft. Pure: no ORM, no I/O, tested without a database."""

from __future__ import annotations

import re

from personas.resume_import import contact
from personas.resume_import.draft import ResumeDraft
from personas.resume_import.education import parse_certifications, parse_education, split_skill_lines
from personas.resume_import.experience import parse_roles
from personas.resume_import.sections import is_bullet, split_sections, strip_bullet
from personas.resume_import.skill_names import find_skills_in_text, normalise_skill_names

MAX_SKILLS = 60
MAX_LINE_CHARS = 1000


def parse_resume_text(text: str) -> ResumeDraft:
    lines = [_clean(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    sections = split_sections(lines)
    header = sections.get("header", [])
    # Contact details usually sit in the header, but some layouts put them in a sidebar or footer.
    contact_text = "\n".join(header) or "\n".join(lines)
    email = contact.find_email(contact_text) or contact.find_email("\n".join(lines))
    city, state, country = contact.find_place(header)
    draft = ResumeDraft(
        full_name=contact.find_name(header),
        email=email,
        phone=contact.find_phone(contact_text) or contact.find_phone("\n".join(lines[:12])),
        linkedin_url=contact.find_linkedin("\n".join(lines)),
        portfolio_url=contact.find_portfolio(contact_text, email=email),
        home_city=city,
        home_state=state,
        home_country=country,
        professional_summary=_summary(sections.get("summary", [])),
        roles=parse_roles(sections.get("experience", [])),
        education=parse_education(sections.get("education", [])),
        certifications=parse_certifications(sections.get("certifications", [])),
    )
    listed = split_skill_lines(sections.get("skills", []))
    draft.skills = normalise_skill_names([*listed, *find_skills_in_text(text)])[:MAX_SKILLS]
    return draft


def _clean(line: str) -> str:
    # Long lines are cut: no real resume line is this long, and it bounds every per-line pattern.
    line = line[:MAX_LINE_CHARS].replace("\u00a0", " ").replace("\u200b", "")
    return line.strip("\ufeff").rstrip()


def _summary(lines: list[str]) -> str:
    text = " ".join(strip_bullet(line) if is_bullet(line) else line.strip() for line in lines)
    return re.sub(r"\s+", " ", text).strip()[:2000]
