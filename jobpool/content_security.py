"""Prompt-injection defence for pool text (pure; no ORM).

Two uses share one normalisation (ARCHITECTURE §5, reference §4.5):

- `check_fields` on write: every text field of every intake path, including
  strings nested in lists and dicts, is normalised and matched against the
  injection categories; a hit raises `ContentSecurityViolation` naming the
  field (for the log) while its message names no internals (for the user).
- `sanitize_llm_input` on read: idempotent clean-up of any pool text before it
  goes into a prompt; matches are replaced, disguises removed.

The normalisation defeats the usual disguises: fullwidth forms and other
compatibility characters (NFKC), zero-width and bidi controls, combining marks
stacked on letters, and Cyrillic/Greek look-alike letters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

USER_MESSAGE = "This content was rejected by our content policy. Remove any instructions aimed at AI assistants and try again."
LLM_INPUT_MAX_CHARS = 15_000
FEEDBACK_MAX_CHARS = 500

_INVISIBLE = re.compile(
    "["
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\u3164\ufe00-\ufe0f\ufeff\uffa0"
    "\U000e0000-\U000e007f\U000e0100-\U000e01ef"
    "]"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# Cyrillic and Greek letters that render like Latin ones.
_HOMOGLYPHS = str.maketrans(
    {
        # Cyrillic lower / upper
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
        "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w",
        "ɡ": "g", "һ": "h", "ӏ": "l", "ո": "n",
        "А": "A", "В": "B", "Е": "E", "Ё": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
        "Т": "T", "У": "Y", "Х": "X", "І": "I", "Ї": "I", "Ј": "J", "Ѕ": "S", "Ԁ": "D", "Ԛ": "Q", "Ԝ": "W",
        # Greek lower / upper
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t",
        "υ": "u", "χ": "x", "γ": "y", "ω": "w",
        "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
        "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    }
)

_FLAGS = re.IGNORECASE | re.MULTILINE
# (category, pattern). Plain HTML tags never match: the prompt-tag pattern needs an underscore or a known role name.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("system_override", re.compile(r"^\s*system\s*:", _FLAGS)),
    ("role_tag", re.compile(r"<\s*/?\s*(?:system|user|assistant|developer|tool)\s*>", _FLAGS)),
    ("chatml", re.compile(r"<\|\s*(?:im_start|im_end|system|user|assistant|endoftext)\s*\|>", _FLAGS)),
    ("prompt_tag", re.compile(r"<\s*/?\s*(?:[a-z]+_[a-z_]+|applicant|sample|instructions?)\b[^>]{0,200}>", _FLAGS)),
    (
        "override_phrase",
        re.compile(
            r"\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|the\s+|your\s+)*"
            r"(?:previous|prior|above|preceding|earlier)\s+(?:instructions?|prompts?|rules|directions|messages?)"
            r"|\bdisregard\s+(?:all\s+)?(?:previous|prior)\b"
            r"|\bforget\s+everything\b"
            r"|\bnew\s+instructions\s*:",
            _FLAGS,
        ),
    ),
    ("delimiter", re.compile(r"#{2,}\s*(?:system|instructions?)\s*#{2,}|\[/?INST\]|<<\s*/?SYS\s*>>", _FLAGS)),
    ("turn_marker", re.compile(r"^\s*(?:human|assistant|\[h\]|\[a\])\s*:", _FLAGS)),
)
# Extra patterns for short user feedback only (never run on postings, where "IMPORTANT:" is ordinary).
FEEDBACK_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("override_phrase", re.compile(r"\bignore\s+(?:the\s+)?above\b", _FLAGS)),
    ("system_fence", re.compile(r"```\s*system\b", _FLAGS)),
    ("emphasis_directive", re.compile(r"^\s*(?:important|override|must|critical|note to ai)\s*:", _FLAGS)),
)


class ContentSecurityViolation(ValueError):
    """Text matched an injection pattern. `field` and `category` are for logs only; `str()` is safe to show."""

    def __init__(self, *, field: str, category: str) -> None:
        self.field = field
        self.category = category
        super().__init__(USER_MESSAGE)


_HOMOGLYPH_CHARS = re.compile("[" + "".join(chr(cp) for cp in _HOMOGLYPHS) + "]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _strip_combining_marks(text: str) -> str:
    """Drop every combining mark (Mn, Me). Only the few distinct non-ASCII characters are classified."""
    marks = {ch for ch in set(_NON_ASCII.findall(text)) if unicodedata.category(ch) in ("Mn", "Me")}
    if not marks:
        return text
    return re.sub("[" + "".join(re.escape(ch) for ch in marks) + "]", "", text)


def normalize_for_detection(text: str) -> str:
    """The text with its disguises removed (the shared first half of detection and sanitising)."""
    if text.isascii():
        return _CONTROL.sub("", text)
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    text = _strip_combining_marks(unicodedata.normalize("NFD", text))
    if _HOMOGLYPH_CHARS.search(text):
        text = text.translate(_HOMOGLYPHS)
    return unicodedata.normalize("NFC", _CONTROL.sub("", text))


# Literal fragments (lower case) without which a category cannot match: a cheap `in` test skips its regex.
_PREFILTERS = {
    "system_override": ("system",),
    "role_tag": ("<",),
    "chatml": ("<|",),
    "prompt_tag": ("<",),
    "override_phrase": ("ignore", "disregard", "forget", "override", "instructions"),
    "delimiter": ("##", "[inst", "[/inst", "<<"),
    "turn_marker": ("human", "assistant", "[h]", "[a]"),
}


def detect_injection(text: str | None, *, feedback: bool = False) -> list[str]:
    """The injection categories found in a text (empty when clean)."""
    if not text:
        return []
    normalized = normalize_for_detection(text)
    lowered = normalized.lower()
    found = {
        category
        for category, pattern in PATTERNS
        if any(fragment in lowered for fragment in _PREFILTERS[category]) and pattern.search(normalized)
    }
    if feedback:
        found |= {category for category, pattern in FEEDBACK_PATTERNS if pattern.search(normalized)}
    return sorted(found)


def iter_strings(value: object, path: str) -> Iterator[tuple[str, str]]:
    """(field path, string) for every string inside nested lists, tuples and mappings."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from iter_strings(item, f"{path}.{key}")
    elif isinstance(value, list | tuple | set | frozenset):
        for index, item in enumerate(value):
            yield from iter_strings(item, f"{path}[{index}]")


def check_fields(fields: Mapping[str, object]) -> None:
    """Raise ContentSecurityViolation for the first field (nested strings included) that carries a pattern."""
    for name, value in fields.items():
        for path, text in iter_strings(value, name):
            categories = detect_injection(text)
            if categories:
                raise ContentSecurityViolation(field=path, category=categories[0])


@dataclass(frozen=True)
class _Replacement:
    pattern: re.Pattern[str]
    token: str


_SANITIZE = tuple(
    _Replacement(pattern, "[TAG]" if category in {"role_tag", "chatml", "prompt_tag"} else "[FILTERED]")
    for category, pattern in PATTERNS
)


def sanitize_llm_input(text: str | None, *, feedback: bool = False) -> str:
    """Pool text made safe to place in a prompt. Idempotent: sanitising twice changes nothing.

    Truncates first (15k characters, 500 for feedback), removes disguises, then
    replaces every pattern match with [FILTERED] or [TAG].
    """
    if not text:
        return ""
    text = text[: FEEDBACK_MAX_CHARS if feedback else LLM_INPUT_MAX_CHARS]
    text = normalize_for_detection(text)
    replacements = _SANITIZE + (
        tuple(_Replacement(p, "[FILTERED]") for _, p in FEEDBACK_PATTERNS) if feedback else ()
    )
    # Replacing can join fragments into a new match ("ign[FILTERED]ore" cannot, but nested tags can); repeat to a fixed point.
    for _ in range(5):
        before = text
        for rule in replacements:
            text = rule.pattern.sub(rule.token, text)
        if text == before:
            break
    return text
