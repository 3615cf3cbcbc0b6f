"""The curated skills taxonomy: loading and validating skills/data/taxonomy.csv.

One row per canonical skill. Columns:

- ``name``: the canonical name shown to users and stored on JobSkill rows.
- ``category``: a grouping such as ``programming_language`` or ``soft_skill``.
- ``kind``: ``hard`` or ``soft`` (scoring weighs them separately).
- ``name_match``: how the name itself is found in text: ``any`` (any case),
  ``cased`` (exact case only), ``guarded`` (exact case and a technical context,
  for words like Go, R, C, Rust or Swift) or ``none`` (only through aliases).
- ``aliases``: ``;``-separated spellings matched in any case (k8s, postgres).
- ``cased``: spellings matched only in the exact case given (``ML``, ``Excel``).
- ``guarded``: spellings matched only in the exact case and in context (``Oracle``).

Every spelling identifies one entry only; `load_taxonomy` refuses a file where
two entries share a spelling, so matching never has to guess.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from skills.tokens import phrase_key

TAXONOMY_PATH = Path(__file__).resolve().parent / "data" / "taxonomy.csv"

KINDS = ("hard", "soft")
NAME_MATCHES = ("any", "cased", "guarded", "none")


class TaxonomyError(ValueError):
    """The taxonomy file breaks one of its rules (duplicates, unknown kinds, empty names)."""


@dataclass(frozen=True, slots=True)
class SkillEntry:
    name: str
    category: str
    kind: str
    name_match: str
    aliases: tuple[str, ...]
    cased: tuple[str, ...]
    guarded: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SurfaceForm:
    """One way an entry is written in text."""

    text: str
    key: tuple[str, ...]
    entry: SkillEntry
    mode: str  # "any", "cased" or "guarded"


@dataclass(frozen=True)
class Taxonomy:
    entries: tuple[SkillEntry, ...]
    forms: tuple[SurfaceForm, ...]
    by_key: dict[tuple[str, ...], SkillEntry]

    @property
    def alias_count(self) -> int:
        """Spellings other than the canonical names (aliases, cased and guarded forms)."""
        return sum(len(e.aliases) + len(e.cased) + len(e.guarded) for e in self.entries)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def _read_entries(path: Path) -> list[SkillEntry]:
    entries = []
    with path.open(encoding="utf-8", newline="") as fh:
        for line_no, row in enumerate(csv.DictReader(fh), start=2):
            entry = SkillEntry(
                name=row["name"].strip(),
                category=row["category"].strip(),
                kind=row["kind"].strip(),
                name_match=row["name_match"].strip() or "any",
                aliases=_split(row["aliases"]),
                cased=_split(row["cased"]),
                guarded=_split(row["guarded"]),
            )
            if not entry.name or not entry.category:
                raise TaxonomyError(f"line {line_no}: name and category are required")
            if entry.kind not in KINDS:
                raise TaxonomyError(f"line {line_no}: kind must be one of {KINDS}, not {entry.kind!r}")
            if entry.name_match not in NAME_MATCHES:
                raise TaxonomyError(f"line {line_no}: name_match must be one of {NAME_MATCHES}")
            entries.append(entry)
    return entries


def _surface_forms(entry: SkillEntry) -> list[SurfaceForm]:
    forms = []
    if entry.name_match != "none":
        forms.append(SurfaceForm(entry.name, phrase_key(entry.name), entry, entry.name_match))
    forms += [SurfaceForm(a, phrase_key(a), entry, "any") for a in entry.aliases]
    forms += [SurfaceForm(c, phrase_key(c), entry, "cased") for c in entry.cased]
    forms += [SurfaceForm(g, phrase_key(g), entry, "guarded") for g in entry.guarded]
    return [f for f in forms if f.key]


def build_taxonomy(entries: list[SkillEntry]) -> Taxonomy:
    """Index the entries by spelling; raise TaxonomyError on any name or spelling used twice."""
    names: dict[str, SkillEntry] = {}
    by_key: dict[tuple[str, ...], SkillEntry] = {}
    forms: list[SurfaceForm] = []
    for entry in entries:
        folded = entry.name.casefold()
        if folded in names:
            raise TaxonomyError(f"duplicate canonical name {entry.name!r}")
        names[folded] = entry
        for form in _surface_forms(entry):
            owner = by_key.setdefault(form.key, entry)
            if owner is not entry:
                raise TaxonomyError(f"spelling {form.text!r} of {entry.name!r} already belongs to {owner.name!r}")
            forms.append(form)
        # The canonical name always normalises to its entry, even when text matching ignores it.
        owner = by_key.setdefault(phrase_key(entry.name), entry)
        if owner is not entry:
            raise TaxonomyError(f"name {entry.name!r} is a spelling of {owner.name!r}")
    return Taxonomy(entries=tuple(entries), forms=tuple(forms), by_key=by_key)


@lru_cache(maxsize=4)
def load_taxonomy(path: Path = TAXONOMY_PATH) -> Taxonomy:
    """The taxonomy from the committed data file, parsed once per process."""
    return build_taxonomy(_read_entries(path))
