"""Job-title rules: normalisation, lexical similarity and career level.

Similarity follows the reference's title rules (§9 item 11): two titles are *similar* when
they are equal, one contains the other, they are within Levenshtein distance 3, or their
word sets overlap by at least 0.8. Containment is also tested with level words ("Senior",
"Lead", "Staff" ...) removed, when at least two content words remain, and titles equal
but for spaces are similar. Two refinements keep unrelated titles apart:
"QA Engineer" and "ML Engineer" are 2 edits apart, so an edit-distance match counts only
when the words that differ are level markers ("II" vs "2") or spelling variants of long
words ("Enginer" vs "Engineer"); and containment is by whole words.

`lexical_similarity` turns this into a number in [0, 1]: 1 for equal titles, 0.9 for
similar ones, otherwise 0.8 × the Jaccard overlap of the content words (level words such as
"Senior" ignored; 0 for titles with no word in common). Where the reference feeds a cosine of
title embeddings into its formulas, `as_cosine` maps this onto the full cosine range
(2s − 1), so equal titles reach a formula's maximum and unrelated ones its minimum.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .text import fold

SIMILAR = 0.9
OVERLAP_SCALE = 0.8
MAX_EDIT_DISTANCE = 3
WORD_OVERLAP_SIMILAR = 0.8

_NON_WORD_RE = re.compile(r"[^a-z0-9+# ]+")
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6"}
_STOPWORDS = frozenset({"of", "and", "the", "a", "an", "for", "to", "in", "at", "with", "&"})
# Level words say how senior a role is, not what it is; the overlap measure ignores them.
_LEVEL_WORDS = frozenset(
    {"senior", "sr", "junior", "jr", "lead", "principal", "staff", "mid", "level", "entry", "head"}
)

# Career levels, lowest first (reference §6.4: junior < mid < senior < lead < director < vp < c_level).
LEVELS = ("junior", "mid", "senior", "lead", "director", "vp", "c_level")
_LEVEL_RANK = {name: rank for rank, name in enumerate(LEVELS)}
# Ordered: the first pattern that matches decides, so "chief of staff" is tested before "chief".
_LEVEL_PATTERNS = (
    ("lead", re.compile(r"\bchief of staff\b")),
    ("vp", re.compile(r"\b(vp|svp|evp|avp|vice president)\b")),
    ("c_level", re.compile(r"\b(chief|ceo|cto|cfo|coo|cio|ciso|cpo|cmo|founder|president)\b")),
    ("director", re.compile(r"\b(director|head of)\b")),
    ("lead", re.compile(r"\b(lead|principal|staff (engineer|software|data|scientist|designer|product|machine))\b")),
    ("senior", re.compile(r"\b(senior|sr)\b")),
    ("junior", re.compile(r"\b(junior|jr|entry level|intern|internship|graduate|trainee|apprentice)\b")),
    ("mid", re.compile(r"\b(mid level|mid|intermediate)\b")),
)
# A posting's seniority field, used when its title carries no level word.
SENIORITY_LEVELS = {"entry": "junior", "mid": "mid", "senior": "senior", "lead": "lead", "executive": "director"}


# Compounds boards write both split and joined ("Front-End", "Frontend"): joined after normalising.
_COMPOUNDS = re.compile(r"\b(front|back|full|dev) (end|stack|ops)\b")
_JOINABLE = {("front", "end"), ("back", "end"), ("full", "stack"), ("dev", "ops")}


def _join_compound(match: re.Match) -> str:
    first, second = match.group(1), match.group(2)
    return first + second if (first, second) in _JOINABLE else match.group(0)


@lru_cache(maxsize=65536)
def normalise_title(title: str) -> str:
    """Lower-case, accents and punctuation stripped, spaces collapsed, "front end" joined to "frontend"."""
    return _COMPOUNDS.sub(_join_compound, " ".join(_NON_WORD_RE.sub(" ", fold(title)).split()))


def _stem(word: str) -> str:
    for suffix in ("ing", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=65536)
def content_words(normalised: str) -> frozenset[str]:
    words = (_ROMAN.get(word, word) for word in normalised.split())
    return frozenset(_stem(word) for word in words if word not in _STOPWORDS and word not in _LEVEL_WORDS)


def _bounded_levenshtein(a: str, b: str, bound: int) -> int:
    """Edit distance, or bound + 1 as soon as it is certain to exceed `bound`."""
    if abs(len(a) - len(b)) > bound:
        return bound + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        if min(current) > bound:
            return bound + 1
        previous = current
    return previous[-1]


def _is_level_marker(word: str) -> bool:
    return word.isdigit() or word in _ROMAN


def _edit_match(a: str, b: str) -> bool:
    # The word test is cheap and rejects most pairs, so it runs before the edit distance.
    words_a, words_b = a.split(), b.split()
    residue_a = [w for w in words_a if w not in words_b]
    residue_b = [w for w in words_b if w not in words_a]
    markers_only = all(_is_level_marker(w) for w in residue_a + residue_b)
    one_spelling_slip = len(residue_a) == len(residue_b) == 1 and all(len(w) >= 5 for w in residue_a + residue_b)
    if not (markers_only or one_spelling_slip):
        return False
    return _bounded_levenshtein(a, b, MAX_EDIT_DISTANCE) <= MAX_EDIT_DISTANCE


def _contains_words(longer: str, shorter: str) -> bool:
    return f" {shorter} " in f" {longer} "


@lru_cache(maxsize=65536)
def _without_level_words(normalised: str) -> str:
    return " ".join(word for word in normalised.split() if word not in _LEVEL_WORDS)


def _contains_role(a: str, b: str) -> bool:
    """Containment once level words are dropped ("Senior Data Engineer" in "Tech Lead Data Engineer").

    The contained title must keep two content words, so a bare "Engineer" left over from
    "Staff Engineer" does not match every engineering title.
    """
    bare_a, bare_b = _without_level_words(a), _without_level_words(b)
    shorter, longer = (bare_a, bare_b) if len(bare_a) <= len(bare_b) else (bare_b, bare_a)
    return len(content_words(shorter)) >= 2 and _contains_words(longer, shorter)


@lru_cache(maxsize=262144)
def titles_similar(a: str, b: str) -> bool:
    """The reference's "same role" test on two normalised titles."""
    if not a or not b:
        return False
    if a == b:
        return True
    if _contains_words(a, b) or _contains_words(b, a) or _contains_role(a, b):
        return True
    if a.replace(" ", "") == b.replace(" ", "") or _edit_match(a, b):
        return True
    words_a, words_b = content_words(a), content_words(b)
    if not words_a or not words_b:
        return False
    return len(words_a & words_b) / max(len(words_a), len(words_b)) >= WORD_OVERLAP_SIMILAR


@lru_cache(maxsize=262144)
def lexical_similarity(a: str, b: str) -> float:
    """A cosine stand-in in [0, 1] for two normalised titles (see the module docstring)."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if titles_similar(a, b):
        return SIMILAR
    words_a, words_b = content_words(a), content_words(b)
    union = words_a | words_b
    if not union:
        return 0.0
    return OVERLAP_SCALE * len(words_a & words_b) / len(union)


def as_cosine(similarity: float) -> float:
    """A [0, 1] lexical similarity on the [-1, 1] cosine scale the reference's formulas expect."""
    return 2.0 * similarity - 1.0


@lru_cache(maxsize=65536)
def title_level(normalised: str) -> str | None:
    """The career level a title's own words imply, or None when it has no level word."""
    if not normalised:
        return None
    for level, pattern in _LEVEL_PATTERNS:
        if pattern.search(normalised):
            return level
    return None


def level_rank(level: str | None) -> int | None:
    return None if level is None else _LEVEL_RANK[level]
