"""Split resume text into its sections by their headings."""

from __future__ import annotations

import re

HEADINGS = {
    "summary": {"summary", "professional summary", "profile", "professional profile", "about", "about me", "objective", "career summary"},
    "experience": {
        "experience", "work experience", "professional experience", "employment", "employment history",
        "work history", "career history", "relevant experience", "experience and employment",
    },
    "education": {"education", "education and training", "academic background", "academics", "qualifications"},
    "skills": {
        "skills", "technical skills", "core skills", "key skills", "core competencies", "competencies",
        "skills and tools", "tools and technologies", "technologies", "expertise", "areas of expertise",
    },
    "certifications": {"certifications", "certificates", "licenses and certifications", "certifications and licenses", "licenses"},
    "other": {"projects", "publications", "awards", "interests", "languages", "volunteering", "volunteer experience", "references", "hobbies"},
}  # fmt: skip
_LOOKUP = {title: name for name, titles in HEADINGS.items() for title in titles}
BULLET_RE = re.compile(r"^\s*(?:[•·◦▪●■\-*–]|\d+[.)])\s+")


def heading_of(line: str) -> str | None:
    """The section a line opens ("experience"), or None when it is not a heading."""
    cleaned = re.sub(r"[:\s]+$", "", line.strip()).replace("&", "and")
    cleaned = re.sub(r"\s+", " ", cleaned).lower()
    if len(cleaned) > 40:
        return None
    return _LOOKUP.get(cleaned)


def split_sections(lines: list[str]) -> dict[str, list[str]]:
    """{"header": [...], "experience": [...], ...}; lines before the first heading form the header."""
    sections: dict[str, list[str]] = {"header": []}
    current = "header"
    for line in lines:
        name = heading_of(line)
        if name:
            current = name
            sections.setdefault(current, [])
            continue
        sections[current].append(line)
    return sections


def is_bullet(line: str) -> bool:
    return bool(BULLET_RE.match(line))


def strip_bullet(line: str) -> str:
    return BULLET_RE.sub("", line, count=1).strip()
