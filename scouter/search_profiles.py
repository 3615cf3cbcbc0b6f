"""Deriving a persona's searches, and the fingerprint that tells when they are out of date (pure; no ORM).

Fit searches look for the work the persona does now (current and recent
titles, their strongest hard skills). Stretch searches look one step further
(target roles and target skills), widened by the stretch appetite:

- low: the target roles as written;
- medium: plus the next level up ("Senior Backend Engineer" for "Backend Engineer");
- high: plus two levels up and the keywords of adjacent roles (the role's core words).

The reference derived these with a metered LLM call; ours are rules, so they
cost nothing and are the same every time. The user can edit and approve them.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

MAX_FIT_SEARCHES = 3
MAX_STRETCH_SEARCHES = 3
MAX_KEYWORDS = 6
MAX_TERM_CHARS = 100

# Seniority words, lowest first; a title's level is the highest word it carries.
LEVELS = ("junior", "", "senior", "staff", "principal")
_LEVEL_WORDS = {"junior": 0, "jr": 0, "senior": 2, "sr": 2, "lead": 3, "staff": 3, "principal": 4}
_WORD = re.compile(r"[\w+#.-]+")


@dataclass(frozen=True)
class PersonaFacts:
    """The persona facts a search profile is derived from (and fingerprinted over)."""

    current_role: str = ""
    past_titles: Sequence[str] = ()
    hard_skills: Sequence[str] = ()  # strongest first
    target_roles: Sequence[str] = ()
    target_skills: Sequence[str] = ()
    stretch_appetite: str = "medium"
    home_city: str = ""
    home_country: str = ""
    remote_preference: str = "no_preference"


@dataclass
class Search:
    label: str
    keywords: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    location: str = ""
    remote_only: bool = False

    def as_dict(self) -> dict:
        return {
            "label": self.label,
            "keywords": self.keywords,
            "titles": self.titles,
            "location": self.location,
            "remote_only": self.remote_only,
        }


def fingerprint(facts: PersonaFacts) -> str:
    """SHA-256 over every fact a profile is derived from: a change marks the profile stale."""
    data = {
        "current_role": _clean(facts.current_role).casefold(),
        "past_titles": sorted({_clean(t).casefold() for t in facts.past_titles if _clean(t)}),
        "hard_skills": sorted({_clean(s).casefold() for s in facts.hard_skills if _clean(s)}),
        "target_roles": sorted({_clean(r).casefold() for r in facts.target_roles if _clean(r)}),
        "target_skills": sorted({_clean(s).casefold() for s in facts.target_skills if _clean(s)}),
        "stretch_appetite": facts.stretch_appetite,
        "location": [_clean(facts.home_city).casefold(), _clean(facts.home_country).casefold()],
        "remote_preference": facts.remote_preference,
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def derive(facts: PersonaFacts) -> tuple[list[dict], list[dict]]:
    """(fit searches, stretch searches) as plain dicts, ready for SearchProfile's JSON fields."""
    location = _clean(facts.home_city) or _clean(facts.home_country)
    remote_only = facts.remote_preference == "remote_only"
    place = "" if remote_only else location
    fit_keywords = _unique(facts.hard_skills)[:MAX_KEYWORDS]
    fit = [
        Search(label=title, keywords=fit_keywords, titles=[title], location=place, remote_only=remote_only)
        for title in _unique([facts.current_role, *facts.past_titles])[:MAX_FIT_SEARCHES]
    ]
    if not fit and fit_keywords:
        fit = [Search(label="My skills", keywords=fit_keywords, location=place, remote_only=remote_only)]

    stretch_keywords = _unique(facts.target_skills)[:MAX_KEYWORDS]
    stretch = []
    for role in _unique(facts.target_roles)[:MAX_STRETCH_SEARCHES]:
        titles = widen(role, facts.stretch_appetite)
        keywords = list(stretch_keywords)
        if facts.stretch_appetite == "high":
            keywords = _unique([*keywords, core_role(role)])[:MAX_KEYWORDS]
        stretch.append(Search(label=role, keywords=keywords, titles=titles, location=place, remote_only=remote_only))
    if not stretch and stretch_keywords:
        stretch = [Search(label="Skills I want to grow", keywords=stretch_keywords, location=place, remote_only=remote_only)]
    return [s.as_dict() for s in fit], [s.as_dict() for s in stretch]


def widen(role: str, appetite: str) -> list[str]:
    """The role plus the levels above it that the appetite reaches."""
    steps = {"low": 0, "medium": 1, "high": 2}.get(appetite, 1)
    titles = [role]
    core = core_role(role)
    level = title_level(role)
    for step in range(1, steps + 1):
        target = level + step
        if target < len(LEVELS) and core:
            titles.append(f"{LEVELS[target].title()} {core}")
    return _unique(titles)


def title_level(title: str) -> int:
    """0 junior, 1 plain, 2 senior, 3 staff/lead, 4 principal."""
    words = [w.casefold() for w in _WORD.findall(title)]
    found = [_LEVEL_WORDS[w] for w in words if w in _LEVEL_WORDS]
    return max(found) if found else 1


def core_role(title: str) -> str:
    """The title without its level words: "Senior Backend Engineer" -> "Backend Engineer"."""
    words = [w for w in _clean(title).split(" ") if w.casefold().strip(".,") not in _LEVEL_WORDS]
    return " ".join(words)


def clean_search(raw: object) -> dict | None:
    """A user-edited search as we store it, or None when it asks for nothing."""
    if not isinstance(raw, dict):
        return None
    keywords = _unique(_as_list(raw.get("keywords")))[: MAX_KEYWORDS * 2]
    titles = _unique(_as_list(raw.get("titles")))[: MAX_KEYWORDS * 2]
    label = _clean(str(raw.get("label") or ""))[:MAX_TERM_CHARS] or (titles[0] if titles else ", ".join(keywords[:2]))
    if not keywords and not titles:
        return None
    return Search(
        label=label,
        keywords=keywords,
        titles=titles,
        location=_clean(str(raw.get("location") or ""))[:MAX_TERM_CHARS],
        remote_only=bool(raw.get("remote_only")),
    ).as_dict()


def parse_terms(text: str) -> list[str]:
    """Comma- or line-separated terms from a form field."""
    return _unique(re.split(r"[,\n]", text or ""))


def _as_list(value: object) -> list[str]:
    if isinstance(value, str):
        return parse_terms(value)
    if isinstance(value, Iterable):
        return [str(v) for v in value if isinstance(v, str)]
    return []


def _clean(text: str) -> str:
    return " ".join(str(text or "").split())


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for item in items:
        cleaned = _clean(item)[:MAX_TERM_CHARS]
        if cleaned and cleaned.casefold() not in seen:
            seen[cleaned.casefold()] = cleaned
    return list(seen.values())
