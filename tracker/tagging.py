"""Tag normalisation (pure): trimmed, inner spaces collapsed, lowercase, at most 64 characters, 50 per application."""

from __future__ import annotations

from collections.abc import Iterable

MAX_TAG_LENGTH = 64
MAX_TAGS = 50


class TooManyTags(ValueError):
    def __init__(self, count: int) -> None:
        super().__init__(f"An application can have at most {MAX_TAGS} tags ({count} given).")
        self.count = count


def normalize_tag(raw: str) -> str:
    return " ".join(str(raw).split()).lower()[:MAX_TAG_LENGTH].strip()


def normalize_tags(raw: Iterable[str]) -> list[str]:
    """Normalised, de-duplicated tags in their first-seen order; empty ones dropped.

    Raises TooManyTags past MAX_TAGS distinct tags (nothing is silently dropped).
    """
    tags = list(dict.fromkeys(t for t in (normalize_tag(r) for r in raw) if t))
    if len(tags) > MAX_TAGS:
        raise TooManyTags(len(tags))
    return tags


def split_tag_input(text: str) -> list[str]:
    """Tags typed in one box, separated by commas."""
    return [part for part in text.split(",") if part.strip()]
