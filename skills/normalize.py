"""Normalising a skill name typed by a person (persona skills) to the taxonomy.

Unlike text extraction, the whole input is known to be a skill name, so
ambiguous spellings resolve without context: "go" is Go, "r" is R.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from skills.taxonomy import Taxonomy, load_taxonomy
from skills.tokens import phrase_key

_SPACE_RE = re.compile(r"\s+")
# Trailing versions and filler words people add to a skill name.
_VERSION_RE = re.compile(r"\s+v?\d+(\.\d+)*\+?$|\s*\(.*\)$")
_FILLER_RE = re.compile(r"\s+(skills?|programming|development|experience|framework|language)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class NormalizedSkill:
    name: str  # canonical taxonomy name
    kind: str  # "hard" or "soft"
    category: str


def normalize_skill(name: str, *, taxonomy: Taxonomy | None = None) -> NormalizedSkill | None:
    """The taxonomy entry a skill name stands for, or None when it is not in the taxonomy.

    Tries the name as written ("k8s", "Postgres", "Node.js"), then without a
    trailing version or parenthesis ("Python 3.11", "React (hooks)"), then
    without a trailing filler word ("leadership skills", "Go programming").
    """
    taxonomy = taxonomy or load_taxonomy()
    cleaned = _SPACE_RE.sub(" ", name or "").strip()
    if not cleaned:
        return None
    for candidate in _candidates(cleaned):
        entry = taxonomy.by_key.get(phrase_key(candidate))
        if entry is not None:
            return NormalizedSkill(entry.name, entry.kind, entry.category)
    return None


def canonical_or_cleaned(name: str, *, taxonomy: Taxonomy | None = None) -> str:
    """The canonical name when the taxonomy knows the skill, else the input with tidy whitespace."""
    normalized = normalize_skill(name, taxonomy=taxonomy)
    if normalized is not None:
        return normalized.name
    return _SPACE_RE.sub(" ", name or "").strip()


def _candidates(cleaned: str) -> list[str]:
    candidates = [cleaned]
    without_version = _VERSION_RE.sub("", cleaned).strip()
    if without_version and without_version != cleaned:
        candidates.append(without_version)
    for base in list(candidates):
        without_filler = _FILLER_RE.sub("", base).strip()
        if without_filler and without_filler != base:
            candidates.append(without_filler)
    return candidates


def canonical_name(name: str) -> str | None:
    """The canonical name for a skill name, or None when the taxonomy does not know it."""
    normalized = normalize_skill(name)
    return normalized.name if normalized is not None else None
