"""The one tokenizer shared by the taxonomy, the matcher and normalisation.

Taxonomy phrases and posting text go through the same function, so a phrase
matches whenever its tokens appear in order. Letters and digits form words;
`+` and `#` stick to the word they end (C++, C#, Security+); `/` and `&` are
tokens of their own (CI/CD, R&D, M&A); a dot is a token only when a word
follows it directly (Node.js, .NET, ASP.NET). Hyphens, apostrophes and other
punctuation separate words, so "full-stack" and "full stack" are one phrase.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN_RE = re.compile(r"[^\W_]+[+#]*|\.(?=[^\W_])|[/&]")


class Token(NamedTuple):
    text: str
    lower: str
    start: int
    end: int


class Tokens:
    """The tokens of a text as parallel lists: lower-cased words, and character spans computed on demand.

    The scanner reads every word but needs positions only around candidate
    matches, so spans are built lazily (most of a posting's cost is here).
    """

    __slots__ = ("text", "lowers", "_spans")

    def __init__(self, text: str) -> None:
        self.text = text
        lowered = text.lower()
        # Lower-casing keeps offsets (and so token boundaries) whenever it keeps the length.
        self.lowers: list[str] = (
            _TOKEN_RE.findall(lowered) if len(lowered) == len(text) else [w.lower() for w in _TOKEN_RE.findall(text)]
        )
        self._spans: list[tuple[int, int]] | None = None

    def __len__(self) -> int:
        return len(self.lowers)

    @property
    def spans(self) -> list[tuple[int, int]]:
        if self._spans is None:
            self._spans = [m.span() for m in _TOKEN_RE.finditer(self.text)]
            if len(self._spans) != len(self.lowers):  # a casing oddity split a word differently
                self.lowers = [self.text[a:b].lower() for a, b in self._spans]
        return self._spans


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.group().lower(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The lower-cased token tuple that identifies a phrase ("Node.js" -> ("node", ".", "js"))."""
    return tuple(m.group().lower() for m in _TOKEN_RE.finditer(phrase))
