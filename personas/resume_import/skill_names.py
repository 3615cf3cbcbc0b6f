"""Skill names for the draft, through the skills taxonomy (skills.normalize / skills.extract).

Names listed in the resume's skills section are mapped to their canonical
spelling when the taxonomy knows them (kept as written otherwise), and the
whole text is scanned for further skills the taxonomy recognises. If the
skills app is not importable the names are only tidied and the text is not
scanned, so the import still works on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def _taxonomy():
    try:
        from skills.extract import extract_skills
        from skills.normalize import normalize_skill
    except ImportError:
        return None, None
    return extract_skills, normalize_skill


def normalise_skill_names(names: Iterable[str]) -> list[str]:
    """Canonical spelling per skill, first occurrence wins, case-insensitive duplicates dropped."""
    _, normalize_skill = _taxonomy()
    seen: set[str] = set()
    result: list[str] = []
    for raw in names:
        name = re.sub(r"\s+", " ", raw).strip()
        if not name:
            continue
        if normalize_skill is not None and (known := normalize_skill(name)) is not None:
            name = known.name
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            result.append(name)
    return result


def find_skills_in_text(text: str) -> list[str]:
    """Skills the taxonomy recognises anywhere in the text, in order of first mention."""
    extract_skills, _ = _taxonomy()
    if extract_skills is None:
        return []
    return [found.name for found in extract_skills(text)]


def skill_kind(name: str) -> str | None:
    """ "hard" or "soft" when the taxonomy knows the skill, else None."""
    _, normalize_skill = _taxonomy()
    if normalize_skill is None:
        return None
    known = normalize_skill(name)
    return known.kind if known is not None else None
