"""Text normalisation shared by every scoring rule: one way to fold case, tokenise and name skills."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TOKEN_RE = re.compile(r"[a-z0-9][a-z0-9+#]*(?:\.[a-z0-9+#]+)*")
_SPACE_RE = re.compile(r"\s+")
_SEPARATORS_RE = re.compile(r"[\s\-]+")
_PUNCT_RE = re.compile(r"[^\w\s+#.]")

# The reference's synonym list; the skills taxonomy canonicalises names upstream, so this
# only catches raw spellings that reach the scorer directly (tests, hand-built inputs).
SKILL_ALIASES = {
    "js": "javascript",
    "reactjs": "react",
    "react.js": "react",
    "node": "node.js",
    "nodejs": "node.js",
    "k8s": "kubernetes",
    "postgres": "postgresql",
    "psql": "postgresql",
    "mongo": "mongodb",
    "ts": "typescript",
    "ci/cd": "ci/cd",
    "cicd": "ci/cd",
    "ci cd": "ci/cd",
    "aws": "amazon web services",
    "amazon aws": "amazon web services",
    "golang": "go",
}

# Maximum phrase length (in tokens) indexed from a job's text for phrase lookups.
MAX_PHRASE_TOKENS = 4


def fold(text: str) -> str:
    """Lower-case, strip accents and collapse whitespace."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACE_RE.sub(" ", stripped.casefold()).strip()


def enum_value(value: str) -> str:
    """An enumeration as stored: "Remote Only", "remote-only" and "Full-time" → "remote_only", "full_time"."""
    return _SEPARATORS_RE.sub("_", fold(value))


def tokens(text: str) -> list[str]:
    """Word tokens of folded text; keeps `c++`, `c#`, `node.js` whole."""
    return _TOKEN_RE.findall(fold(text))


@lru_cache(maxsize=65536)
def normalise_skill(name: str) -> str:
    folded = fold(name)
    return SKILL_ALIASES.get(folded, folded)


def phrase_key(text: str) -> str:
    """A phrase as the space-joined tokens used by `phrase_index`."""
    return " ".join(tokens(text))


def phrase_index(text: str, max_tokens: int = MAX_PHRASE_TOKENS) -> frozenset[str]:
    """Every run of 1..max_tokens consecutive tokens, so whole-word phrase containment is a set lookup."""
    words = tokens(text)
    grams: set[str] = set(words)
    count = len(words)
    for size in range(2, max_tokens + 1):
        for start in range(count - size + 1):
            grams.add(" ".join(words[start : start + size]))
    return frozenset(grams)


def contains_phrase(index: frozenset[str], text: str, phrase: str) -> bool:
    """Whole-word containment of `phrase` in a text indexed by `phrase_index`.

    Phrases longer than the index fall back to a word-boundary search of the folded text.
    """
    key = phrase_key(phrase)
    if not key:
        return False
    if key.count(" ") < MAX_PHRASE_TOKENS:
        return key in index
    return f" {key} " in f" {' '.join(tokens(text))} "


def normalise_place(name: str) -> str:
    """The city part of a place name as a phrase key: "Austin, TX" and "austin" both become "austin"."""
    return phrase_key(fold(name).split(",", 1)[0])


_COMPANY_SUFFIXES = frozenset(
    {
        "inc",
        "inc.",
        "llc",
        "ltd",
        "ltd.",
        "limited",
        "corp",
        "corp.",
        "corporation",
        "co",
        "co.",
        "gmbh",
        "plc",
        "sa",
        "ag",
    }
)


def normalise_company(name: str) -> str:
    """Company name without punctuation or a trailing legal suffix ("Acme, Inc." → "acme")."""
    words = _PUNCT_RE.sub(" ", fold(name)).split()
    while len(words) > 1 and words[-1] in _COMPANY_SUFFIXES:
        words.pop()
    return " ".join(words)


def listing(names: list[str], limit: int = 5) -> str:
    """ "A, B and C", or "A, B, C, D, E and 3 more"."""
    if len(names) > limit:
        return ", ".join(names[:limit]) + f" and {len(names) - limit} more"
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" and {names[-1]}"
