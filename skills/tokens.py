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


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.group().lower(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The lower-cased token tuple that identifies a phrase ("Node.js" -> ("node", ".", "js"))."""
    return tuple(m.group().lower() for m in _TOKEN_RE.finditer(phrase))
