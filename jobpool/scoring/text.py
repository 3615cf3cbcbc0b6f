"""Text normalisation shared by every scoring rule: one way to fold case, tokenise and name skills."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_TOKEN_RE = re.compile(r"[a-z0-9][a-z0-9+#]*(?:\.[a-z0-9+#]+)*")
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

_COMBINING_RE = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Lower-case, strip accents and collapse whitespace."""
    if not text:
        return ""
    if not text.isascii():
        # Compatibility forms (fullwidth letters, ligatures) decomposed, then the accents dropped.
        text = _COMBINING_RE.sub("", unicodedata.normalize("NFKD", text))
    return " ".join(text.casefold().split())


def enum_value(value: str) -> str:
    """An enumeration as stored: "Remote Only", "remote-only" and "Full-time" → "remote_only", "full_time"."""
    return _SEPARATORS_RE.sub("_", fold(value))


def tokens(text: str) -> list[str]:
    """Word tokens of folded text; keeps `c++`, `c#`, `node.js` whole."""
    if not text:
        return []
    if not text.isascii():
        text = _COMBINING_RE.sub("", unicodedata.normalize("NFKD", text))
    # fold() without collapsing whitespace: no token spans whitespace, so the tokens are the same.
    return _TOKEN_RE.findall(text.casefold())


@lru_cache(maxsize=65536)
def normalise_skill(name: str) -> str:
    folded = fold(name)
    return SKILL_ALIASES.get(folded, folded)


def phrase_key(text: str) -> str:
    """A phrase as the space-joined tokens a `TextIndex` is looked up with."""
    return " ".join(tokens(text))


@dataclass(frozen=True, slots=True)
class TextIndex:
    """A text's tokens, for whole-word phrase lookups: `phrase_key("Apache Spark") in index`."""

    words: frozenset[str]
    joined: str

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str) or not key:
            return False
        if " " not in key:
            return key in self.words
        return f" {key} " in self.joined


def text_index(text: str) -> TextIndex:
    words = tokens(text)
    return TextIndex(frozenset(words), f" {' '.join(words)} ")


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
