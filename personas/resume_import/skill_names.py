"""Skill names for the draft: the skills taxonomy when the `skills` app is installed.

Without it (early in the project) names are only cleaned and de-duplicated,
and the free text is not scanned. TODO(personas): drop the fallback once
`skills` ships its extract/normalise functions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def _taxonomy():
    try:
        import skills  # noqa: F401
        from skills import extract as taxonomy_extract
        from skills import normalize as taxonomy_normalize
    except ImportError:
        return None, None
    return taxonomy_extract, taxonomy_normalize


def normalise_skill_names(names: Iterable[str]) -> list[str]:
    """Canonical spelling per skill, first occurrence wins, case-insensitive duplicates dropped."""
    _, taxonomy_normalize = _taxonomy()
    seen: set[str] = set()
    result: list[str] = []
    for raw in names:
        name = re.sub(r"\s+", " ", raw).strip()
        if not name:
            continue
        if taxonomy_normalize is not None:
            name = _canonical(taxonomy_normalize, name)
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            result.append(name)
    return result


def find_skills_in_text(text: str) -> list[str]:
    """Skills the taxonomy recognises anywhere in the text (none without the taxonomy)."""
    taxonomy_extract, _ = _taxonomy()
    if taxonomy_extract is None:
        return []
    found = taxonomy_extract(text)
    return [getattr(item, "name", item) for item in found]


def _canonical(taxonomy_normalize, name: str) -> str:
    result = taxonomy_normalize(name)
    if result is None:
        return name
    return getattr(result, "name", result) or name
