"""Exact verification of dedup candidates, and the cross-post / repost call (pure; no ORM).

A candidate found by URL or by the LSH blocking index is only a candidate.
It becomes the same job when the canonical titles are similar, the locations
are compatible and the description shingles overlap enough; thresholds are
documented in docs/pool.md and measured by bench/dedup_quality.py.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from jobpool import minhash

# Jaccard of word 4-shingles at or above which a same-company candidate is the same job text.
NEAR_DUPLICATE_JACCARD = 0.55
# A shared canonical URL is strong evidence, so less text overlap is needed to confirm it.
URL_CONFIRM_JACCARD = 0.35
# A near-duplicate first posted this long after the candidate is a new requisition (a repost).
REPOST_MIN_GAP = datetime.timedelta(days=21)
# Candidates verified per incoming posting, best LSH agreement first.
MAX_CANDIDATES = 8
# Titles within this edit distance are similar ("Scrum Master II" ~ "Scrum Master 2").
TITLE_MAX_EDIT_DISTANCE = 3
TITLE_MIN_WORD_OVERLAP = 0.8


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, stopping early once it must exceed `limit` (returns limit + 1 then)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def titles_similar(a: str, b: str) -> bool:
    """Canonical titles name the same role: equal, one contains the other, a few edits apart, or ≥ 80% shared words."""
    if not a or not b:
        return False
    if a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} ":
        return True
    if edit_distance(a, b, TITLE_MAX_EDIT_DISTANCE) <= TITLE_MAX_EDIT_DISTANCE:
        return True
    words_a, words_b = set(a.split()), set(b.split())
    return len(words_a & words_b) / max(len(words_a), len(words_b)) >= TITLE_MIN_WORD_OVERLAP


# Words that name no particular place (countries, regions, work arrangements, name prefixes).
_GENERIC_PLACE_WORDS = frozenset(
    {
        "remote", "only", "anywhere", "worldwide", "hybrid", "onsite", "office", "flexible", "home", "based",
        "the", "of", "and", "in", "or", "area", "metro", "region", "city", "greater", "central", "downtown",
        "north", "south", "east", "west", "new", "san", "santa", "los", "las", "la", "el", "st", "saint", "fort",
        "port", "us", "usa", "uk", "gb", "united", "states", "kingdom", "america", "americas", "europe", "eu",
        "emea", "apac", "latam", "asia", "africa", "oceania", "timezones", "timezone", "utc", "gmt", "india",
        "germany", "de", "canada", "ca", "france", "spain", "netherlands", "australia", "brazil", "mexico",
    }
)


def _first_place(words: list[str]) -> str:
    return next((w for w in words if w not in _GENERIC_PLACE_WORDS and not w.isdigit()), "")


def locations_compatible(a: str, b: str) -> bool:
    """Canonical locations could describe the same job.

    Equal, one unknown, one's words within the other's, or the leading place
    name of one appears in the other ('central london' ~ 'london uk'). Two
    cities are different jobs even with the same text ('bengaluru india' vs
    'mumbai india'): one text posted for several cities stays several postings.
    """
    if not a or not b or a == b:
        return True
    words_a, words_b = a.split(), b.split()
    set_a, set_b = set(words_a), set(words_b)
    if set_a <= set_b or set_b <= set_a:
        return True
    first_a, first_b = _first_place(words_a), _first_place(words_b)
    return bool(first_a and first_a in set_b) or bool(first_b and first_b in set_a)


@dataclass(frozen=True)
class Verdict:
    same_job: bool
    jaccard: float
    reason: str


def verify(
    *,
    title_a: str,
    title_b: str,
    location_a: str,
    location_b: str,
    shingles_a: set[int],
    shingles_b: set[int],
    min_jaccard: float = NEAR_DUPLICATE_JACCARD,
) -> Verdict:
    """Decide whether two postings of one company carry the same job."""
    if not titles_similar(title_a, title_b):
        return Verdict(False, 0.0, "titles differ")
    if not locations_compatible(location_a, location_b):
        return Verdict(False, 0.0, "locations differ")
    score = minhash.jaccard(shingles_a, shingles_b)
    if score < min_jaccard:
        return Verdict(False, score, f"description overlap {score:.2f} < {min_jaccard:.2f}")
    return Verdict(True, score, f"description overlap {score:.2f}")


def is_repost(
    *,
    candidate_active: bool,
    candidate_posted: datetime.datetime | None,
    incoming_posted: datetime.datetime | None,
) -> tuple[bool, str]:
    """A near-duplicate is a repost when the older posting has closed, or when it was first posted weeks earlier."""
    if not candidate_active:
        return True, "older posting is closed"
    if candidate_posted and incoming_posted and incoming_posted - candidate_posted >= REPOST_MIN_GAP:
        days = (incoming_posted - candidate_posted).days
        return True, f"posted {days} days after the older posting"
    return False, "same job listed elsewhere"
