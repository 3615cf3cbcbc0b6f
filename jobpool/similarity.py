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


def locations_compatible(a: str, b: str) -> bool:
    """Canonical locations could describe the same job: equal, one unknown, or one's words within the other's.

    'bengaluru' and 'mumbai' are different jobs even with the same text (one text, several cities).
    """
    if not a or not b or a == b:
        return True
    words_a, words_b = set(a.split()), set(b.split())
    return words_a <= words_b or words_b <= words_a


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
