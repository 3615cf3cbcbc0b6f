"""Requirements and culture paragraphs picked out of a description by their headings."""

from __future__ import annotations

import re

_REQUIREMENT_HEADINGS = re.compile(
    r"requirement|qualification|what\s+you(?:['’]ll|\s+will)?\s+(?:need|bring|have)|good\s+to\s+have|what\s+we\s+(?:require|value|expect)|who\s+you\s+are|about\s+you|you\s+have|"
    r"must[- ]haves?|skills|experience|what\s+we(?:['’]re|\s+are)?\s+look(?:ing)?\s+for|your\s+profile|the\s+skill\s+set|"
    r"ideal\s+candidate|you\s+(?:will\s+)?bring|you\s+should\s+have|nice\s+to\s+have|preferred|profil|anforderung",
    re.IGNORECASE,
)
_CULTURE_HEADINGS = re.compile(
    r"about\s+(?:us|the\s+(?:company|team)|[A-Z][\w&.-]+)|our\s+(?:culture|values|mission|team|story)|why\s+(?:join|work)|"
    r"benefits|perks|what\s+we\s+offer|we\s+offer|life\s+at|who\s+we\s+are|working\s+(?:at|with)\s+us|culture|"
    r"wir\s+bieten|über\s+uns|equal\s+opportunit|diversity",
    re.IGNORECASE,
)
_MAX_SECTION_CHARS = 4000


def _is_heading(line: str) -> bool:
    stripped = line.strip()
    if not stripped or stripped.startswith("- ") or len(stripped) > 80:
        return False
    if stripped.endswith(":"):
        return True
    return not stripped.endswith((".", ",", ";", "!", "?")) and len(stripped.split()) <= 8


def split_sections(text: str) -> list[tuple[str, str]]:
    """(heading, body) pairs of a plain-text description; the opening text has heading ""."""
    sections: list[tuple[str, list[str]]] = [("", [])]
    for line in (text or "").split("\n"):
        if _is_heading(line):
            sections.append((line.strip().rstrip(":"), []))
        elif line.strip():
            sections[-1][1].append(line.strip())
    return [(heading, "\n".join(body)) for heading, body in sections if body]


def extract_requirements(text: str) -> str:
    return _collect(text, _REQUIREMENT_HEADINGS)


def extract_culture(text: str) -> str:
    return _collect(text, _CULTURE_HEADINGS)


def _collect(text: str, headings: re.Pattern) -> str:
    parts = [f"{heading}\n{body}" for heading, body in split_sections(text) if heading and headings.search(heading)]
    return "\n\n".join(parts)[:_MAX_SECTION_CHARS]
