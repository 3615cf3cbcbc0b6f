"""Turn a posting (HTML or plain text) into blocks: headings, list items and paragraphs.

Section headings decide whether a skill is required or preferred, so the
structure of the HTML matters more than its looks. Block elements start a new
block; `<br>` ends one; a short block whose text is all bold, or that ends with
a colon, counts as a heading. Greenhouse wraps the employer's boilerplate in
`content-intro` / `content-conclusion` / `content-pay-transparency` divs;
blocks inside them are marked as boilerplate.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass

_BLOCK_TAGS = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
    "section", "article", "header", "footer", "blockquote", "pre", "dt", "dd", "dl", "hr", "br",
}
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_EMPHASIS_TAGS = {"b", "strong", "u", "em"}
_SKIPPED_TAGS = {"script", "style", "noscript", "head", "title"}
_BOILERPLATE_CLASSES = ("content-intro", "content-conclusion", "content-pay-transparency")
_SPACE_RE = re.compile(r"\s+")
_BULLET_RE = re.compile(r"^[\-*•·●▪◦‣–—]+\s*|^\d{1,2}[.)]\s+")
_MAX_HEADING_CHARS = 90


@dataclass(frozen=True, slots=True)
class Block:
    text: str
    is_heading: bool = False
    is_item: bool = False
    is_boilerplate: bool = False


_MARKUP_RE = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>|([^<]+)|<", re.DOTALL)
_CLASS_RE = re.compile(r"""class\s*=\s*["']([^"']*)["']""", re.IGNORECASE)


class _BlockBuilder:
    """Collects blocks while walking the tags and text of a fragment (a forgiving scanner, not a validator)."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._parts: list[tuple[str, bool]] = []  # (text, emphasised)
        self._heading_depth = 0
        self._emphasis_depth = 0
        self._skip_until: str | None = None
        self._item = False
        self._div_stack: list[bool] = []

    def feed(self, markup: str) -> None:
        for m in _MARKUP_RE.finditer(markup):
            closing, tag, attrs, data = m.groups()
            if data is not None:
                if self._skip_until is None:
                    self._parts.append((html_lib.unescape(data) if "&" in data else data, self._emphasised))
            elif tag is not None:
                tag = tag.lower()
                if self._skip_until is not None:
                    if closing and tag == self._skip_until:
                        self._skip_until = None
                elif closing:
                    self._end(tag)
                else:
                    self._start(tag, attrs or "")

    @property
    def _emphasised(self) -> bool:
        return bool(self._heading_depth or self._emphasis_depth)

    def _start(self, tag: str, attrs: str) -> None:
        if tag in _SKIPPED_TAGS:
            if not attrs.rstrip().endswith("/"):
                self._skip_until = tag
            return
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag == "div" and not attrs.rstrip().endswith("/"):
            classes = _CLASS_RE.search(attrs)
            self._div_stack.append(bool(classes) and any(c in classes.group(1) for c in _BOILERPLATE_CLASSES))
        elif tag in _HEADING_TAGS:
            self._heading_depth += 1
        elif tag in _EMPHASIS_TAGS:
            self._emphasis_depth += 1
        elif tag == "li":
            self._item = True

    def _end(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag == "div" and self._div_stack:
            self._div_stack.pop()
        elif tag in _HEADING_TAGS:
            self._heading_depth = max(0, self._heading_depth - 1)
        elif tag in _EMPHASIS_TAGS:
            self._emphasis_depth = max(0, self._emphasis_depth - 1)
        elif tag == "li":
            self._item = False

    def close(self) -> None:
        self._flush()

    def _flush(self) -> None:
        if not self._parts:
            return
        text = _SPACE_RE.sub(" ", "".join(t for t, _ in self._parts)).strip()
        all_emphasised = all(emph for t, emph in self._parts if t.strip())
        self._parts = []
        if text:
            is_heading = bool(self._heading_depth) or (all_emphasised and len(text) <= _MAX_HEADING_CHARS)
            self.blocks.append(_make_block(text, is_heading, self._item, any(self._div_stack)))


def _looks_like_heading(text: str) -> bool:
    if len(text) > 60 or len(text.split()) > 8:
        return False
    return text.endswith(":") or (text.isupper() and len(text) > 3)


def _make_block(text: str, is_heading: bool, is_item: bool, is_boilerplate: bool) -> Block:
    stripped = _BULLET_RE.sub("", text)
    if stripped != text:
        is_item = True
    if not is_heading and not is_item:
        is_heading = _looks_like_heading(stripped)
    return Block(stripped, is_heading=is_heading, is_item=is_item and not is_heading, is_boilerplate=is_boilerplate)


def html_to_blocks(markup: str) -> list[Block]:
    """Blocks of an HTML fragment; entity-escaped HTML (Greenhouse) is unescaped first."""
    if "&lt;" in markup and "<" not in markup.replace("&lt;", ""):
        markup = html_lib.unescape(markup)
    builder = _BlockBuilder()
    builder.feed(markup)
    builder.close()
    return builder.blocks


def text_to_blocks(text: str) -> list[Block]:
    """Blocks of plain text: one per non-empty line."""
    blocks = []
    for line in text.splitlines():
        line = _SPACE_RE.sub(" ", line).strip()
        if line:
            blocks.append(_make_block(line, False, False, False))
    return blocks
