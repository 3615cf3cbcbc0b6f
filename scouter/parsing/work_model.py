"""Remote, hybrid or onsite, from the board's own field first and the words second."""

from __future__ import annotations

import re

from scouter.parsing.location import Location

WORK_MODELS = ("remote", "hybrid", "onsite", "unknown")

_FIELD_VALUES = {
    "remote": "remote", "fully remote": "remote", "remote only": "remote", "telecommute": "remote",
    "hybrid": "hybrid", "flexible": "hybrid",
    "onsite": "onsite", "on-site": "onsite", "on site": "onsite", "in office": "onsite", "in-office": "onsite",
    "office": "onsite", "in person": "onsite",
}  # fmt: skip
_HYBRID_SHORT = re.compile(r"\bhybrid\b", re.IGNORECASE)
_REMOTE_SHORT = re.compile(r"\bremote\b|\bwork from home\b|\bwfh\b", re.IGNORECASE)
_HYBRID_TEXT = re.compile(
    r"\bhybrid\s+(?:role|position|work|working|model|schedule|setup|set-up|arrangement|environment|opportunity)\b"
    r"|\bthis\s+is\s+a\s+hybrid\b|\b\d\s*(?:-\s*\d\s*)?days?\s+(?:a|per)\s+week\s+(?:in|at)\s+(?:the|our)\s+office\b"
    r"|\b\d\s*(?:-\s*\d\s*)?days?\s+(?:in|at)\s+(?:the|our)\s+office\b",
    re.IGNORECASE,
)
_REMOTE_TEXT = re.compile(
    r"\b(?:fully|100%|completely|entirely)\s+remote\b|\bremote[- ]first\b|\bwork\s+from\s+anywhere\b"
    r"|\bthis\s+(?:is\s+a\s+)?(?:role|position|job)\s+is\s+(?:fully\s+)?remote\b|\bremote\s+(?:role|position|job|opportunity)\b",
    re.IGNORECASE,
)
_ONSITE_TEXT = re.compile(
    r"\b(?:this\s+is\s+an?\s+)?(?:on-?site|in-office|in[- ]person)\s+(?:role|position|job)\b|\bwork(?:ing)?\s+from\s+(?:the|our)\s+office\b"
    r"|\b(?:fully|100%)\s+(?:on-?site|in[- ]office)\b",
    re.IGNORECASE,
)


def normalise_workplace_type(value: object) -> str:
    """A board's workplace field ("OnSite", "hybrid", "unspecified") as our vocabulary, or ""."""
    if not value:
        return ""
    key = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", str(value)).strip().lower().replace("_", " ")
    return _FIELD_VALUES.get(key, "")


def detect_work_model(
    *,
    workplace_type: object = None,
    remote_flag: bool | None = None,
    location: Location | None = None,
    title: str = "",
    text: str = "",
) -> str:
    """The work model, trusting in order: the board's workplace field, the title and
    location words, the board's remote flag, then cue phrases in the description.
    A board that says "not remote" and names nothing else is onsite."""
    explicit = normalise_workplace_type(workplace_type)
    if explicit:
        return explicit
    location_text = location.raw if location else ""
    if _HYBRID_SHORT.search(title) or _HYBRID_SHORT.search(location_text):
        return "hybrid"
    if _REMOTE_SHORT.search(title) or (location is not None and location.is_remote) or remote_flag:
        # The board or the place says remote; a description's "hybrid environment"
        # usually describes the company's office staff, not this role.
        return "remote"
    if _HYBRID_TEXT.search(text):
        return "hybrid"
    if _REMOTE_TEXT.search(text):
        return "remote"
    if _ONSITE_TEXT.search(text) or remote_flag is False:
        return "onsite"
    return "unknown"
