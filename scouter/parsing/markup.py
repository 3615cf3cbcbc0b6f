"""Job-description HTML: repaired, sanitised with an allow-list, and turned into text.

Board HTML is untrusted (ARCHITECTURE §5). nh3 keeps only the tags and
attributes below, so scripts, styles, event handlers, ``javascript:`` links and
images (logos, tracking pixels) never survive. Before that, text damaged on
the way is repaired: UTF-8 decoded twice (RemoteOK's ``\u00e2\u0080\u0099``),
literal backslash-n sequences, and entity-escaped HTML (Greenhouse, RSS).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import ftfy
import nh3

ALLOWED_TAGS = {
    "a", "b", "blockquote", "br", "code", "dd", "div", "dl", "dt", "em",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre",
    "s", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

_LITERAL_ESCAPES = re.compile(r"\\r\\n|\\n|\\r|\\t")
_EMPTY_BLOCKS = re.compile(r"<(p|div|li|strong|b|em|i|h[1-6])>(\s|&nbsp;|<br>|\xa0)*</\1>")
_BREAK_RUNS = re.compile(r"(<br>\s*){3,}")
_ESCAPED_TAG = re.compile(r"&lt;/?[a-zA-Z][a-zA-Z0-9]*(\s|&gt;|/)")
_REAL_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*[\s>/]")


# UTF-8 read as Latin-1/cp1252 always leaves a lead character (Â..ô) followed by a
# continuation character; text without such a pair has nothing for ftfy to fix.
_MOJIBAKE_PAIR = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def repair_text(text: str) -> str:
    """Fix mojibake and literal escape sequences without touching markup or quotes."""
    if not text:
        return ""
    fixed = text
    if _MOJIBAKE_PAIR.search(text):
        fixed = ftfy.fix_text(text, unescape_html=False, uncurl_quotes=False, fix_latin_ligatures=False)
    return _LITERAL_ESCAPES.sub(lambda m: "\t" if m.group(0) == "\\t" else "\n", fixed)


def looks_entity_escaped(text: str) -> bool:
    """True when HTML arrived with its tags escaped (``&lt;p&gt;``) and no real tags."""
    return bool(_ESCAPED_TAG.search(text)) and not _REAL_TAG.search(text)


def clean_html(raw: str | None, *, escaped: bool | None = None) -> str:
    """Sanitised, repaired HTML that is safe to store and render.

    ``escaped`` says the markup arrived entity-escaped; ``None`` detects it.
    """
    if not raw:
        return ""
    text = str(raw)
    if escaped is None:
        escaped = looks_entity_escaped(text)
    if escaped:
        text = html.unescape(text)
    text = repair_text(text)
    cleaned = nh3.clean(
        text,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
    )
    cleaned = cleaned.replace("<br/>", "<br>")
    previous = None
    while previous != cleaned:
        previous = cleaned
        cleaned = _EMPTY_BLOCKS.sub("", cleaned)
    cleaned = _BREAK_RUNS.sub("<br><br>", cleaned)
    return cleaned.strip()


def text_to_html(text: str | None) -> str:
    """Plain text (Adzuna snippets, USAJobs fields) as escaped paragraphs."""
    if not text:
        return ""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", repair_text(text)) if p.strip()]
    return "".join("<p>" + html.escape(p).replace("\n", "<br>") + "</p>" for p in paragraphs)


_BLOCK_TAGS = {
    "p", "div", "ul", "ol", "table", "tr", "blockquote", "pre", "dl", "dd", "dt", "hr",
    "h1", "h2", "h3", "h4", "h5", "h6",
}  # fmt: skip
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._bullet_open = False  # a "- " was written and no text has followed yet

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n- ")
            self._bullet_open = True
        elif tag in {"td", "th"}:
            self.parts.append(" ")
        elif tag in _BLOCK_TAGS and not self._bullet_open:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n" if tag in _HEADING_TAGS or tag in {"p", "ul", "ol", "div"} else "\n")

    def handle_data(self, data):
        if data.strip():
            self._bullet_open = False
        self.parts.append(data)


def html_to_text(markup: str | None) -> str:
    """Readable plain text: blocks on their own lines, list items as ``- `` bullets."""
    if not markup:
        return ""
    extractor = _TextExtractor()
    extractor.feed(markup)
    extractor.close()
    text = "".join(extractor.parts).replace("\xa0", " ")
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line == "-":
            continue
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    # "<li><p>…</p></li>" leaves blank lines between bullets; a list reads as one block.
    tight = [
        line
        for i, line in enumerate(out)
        if line or not (0 < i < len(out) - 1 and out[i - 1].startswith("- ") and out[i + 1].startswith("- "))
    ]
    return "\n".join(tight).strip()


def clean_inline(value: object) -> str:
    """A short field (title, company, location) repaired, unescaped and on one line."""
    if value is None:
        return ""
    text = repair_text(html.unescape(str(value)))
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"\s+", " ", text).strip()
